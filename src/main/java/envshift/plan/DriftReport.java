package envshift.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of a drift analysis: the environments (columns, in the order given), one row per
 * compared variable (sorted by name), the findings (sorted by name, then kind; stable otherwise)
 * and the add-on-owned variables, which are listed apart and never compared.
 */
public record DriftReport(
    List<String> environments,
    List<Row> rows,
    List<Finding> findings,
    List<AddonVar> addonOwned) {

  /** How a variable's values compare across the apps that hold it. */
  public enum Comparison {
    /** Held by two or more apps, all with one value. */
    SAME,
    /** Held by two or more apps, with different values. */
    DIFFERS,
    /** Held by fewer than two apps: nothing to compare. */
    NOT_COMPARED
  }

  /** One table row: the environments holding {@code name}, and how their values compare. */
  public record Row(String name, List<String> envs, Comparison comparison) {
    public Row {
      Objects.requireNonNull(name, "name == null");
      envs = List.copyOf(Objects.requireNonNull(envs, "envs == null"));
      Objects.requireNonNull(comparison, "comparison == null");
    }

    public boolean isIn(String env) {
      return envs.contains(env);
    }
  }

  /** A variable set by an add-on, in the environments listed. */
  public record AddonVar(String name, String addon, List<String> envs) {
    public AddonVar {
      Objects.requireNonNull(name, "name == null");
      Objects.requireNonNull(addon, "addon == null");
      envs = List.copyOf(Objects.requireNonNull(envs, "envs == null"));
    }
  }

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::name).thenComparing(Finding::kind);

  public DriftReport {
    environments = List.copyOf(Objects.requireNonNull(environments, "environments == null"));
    rows = List.copyOf(Objects.requireNonNull(rows, "rows == null"));
    List<Finding> sorted = new ArrayList<>(Objects.requireNonNull(findings, "findings == null"));
    sorted.sort(ORDER);
    findings = List.copyOf(sorted);
    addonOwned = List.copyOf(Objects.requireNonNull(addonOwned, "addonOwned == null"));
  }

  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** True when a finding is a difference (drift exits 2); LIVE findings alone are not. */
  public boolean hasDifferences() {
    return findings.stream().anyMatch(f -> f.kind().isDifference());
  }

  /** This report with more findings, e.g. {@link SourceDrift}'s, merged in order. */
  public DriftReport withFindings(List<Finding> more) {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(more);
    return new DriftReport(environments, rows, all, addonOwned);
  }
}
