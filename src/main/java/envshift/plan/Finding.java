package envshift.plan;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One drift problem about one variable. What {@code envs} holds depends on the kind: where the
 * variable is absent (MISSING), the apps sharing one value (SAME_SECRET), every app holding it
 * (MUST_MATCH), or the one environment compared with its source (CHANGED, ADDED, REMOVED, LIVE).
 */
public record Finding(String name, Kind kind, List<String> envs) {
  /** The closed set of drift problems. */
  public enum Kind {
    /** Present in some apps, absent in others. */
    MISSING,
    /** A secret with the same value in two or more apps. */
    SAME_SECRET,
    /** A variable that must match everywhere, with different values. */
    MUST_MATCH,
    /** Live value differs from the source's. */
    CHANGED,
    /** Live only, not in the source. */
    ADDED,
    /** In the source, not live. */
    REMOVED,
    /**
     * Owned by the app since a rotation (the manifest's {@code live:}): not compared with the
     * source, whose value is retired. Listed so it stays visible, but not a difference.
     */
    LIVE;

    /** True for the kinds that make drift exit 2; LIVE is the expected state after a rotation. */
    public boolean isDifference() {
      return this != LIVE;
    }

    /** The word used in JSON and text: {@code missing}, {@code same-secret}, … */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public Finding {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    envs = List.copyOf(Objects.requireNonNull(envs, "envs == null"));
  }
}
