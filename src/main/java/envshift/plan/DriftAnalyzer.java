package envshift.plan;

import envshift.EnvshiftException;
import envshift.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the live config of several apps (the environments of one project). Pure. Values are
 * compared in memory with {@link Secret#sameAs}; nothing derived from a value leaves this class
 * except "same"/"differs".
 *
 * <p>Differing values are normal and not findings. Findings are: MISSING (held by some apps, not
 * others, unless the name is env-specific), MUST_MATCH (a {@code same} name with differing values)
 * and SAME_SECRET (a secret-looking name, or a URL with a password, sharing one value across apps;
 * one finding per group of equal values; empty values and {@code same} names excepted). A name an
 * add-on owns in any app is taken out of the comparison and listed apart.
 */
public final class DriftAnalyzer {
  private DriftAnalyzer() {}

  public static DriftReport analyze(List<AppConfig> apps, DriftRules rules) {
    Objects.requireNonNull(apps, "apps == null");
    Objects.requireNonNull(rules, "rules == null");
    List<String> envs = labels(apps);
    List<DriftReport.AddonVar> owned = addonVars(apps);
    Set<String> ownedNames = new HashSet<>();
    owned.forEach(a -> ownedNames.add(a.name()));
    TreeSet<String> names = new TreeSet<>();
    apps.forEach(a -> names.addAll(a.vars().keySet()));
    names.removeAll(ownedNames);
    List<DriftReport.Row> rows = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String name : names) {
      List<AppConfig> holders = apps.stream().filter(a -> a.vars().containsKey(name)).toList();
      List<List<AppConfig>> groups = groupByValue(name, holders);
      rows.add(new DriftReport.Row(name, labels(holders), comparison(holders, groups)));
      findings.addAll(findings(name, apps, holders, groups, rules));
    }
    return new DriftReport(envs, rows, findings, owned);
  }

  private static List<Finding> findings(
      String name, List<AppConfig> apps, List<AppConfig> holders, List<List<AppConfig>> groups,
      DriftRules rules) {
    List<Finding> found = new ArrayList<>();
    if (holders.size() < apps.size() && !rules.envSpecific(name)) {
      List<AppConfig> absent = apps.stream().filter(a -> !holders.contains(a)).toList();
      found.add(new Finding(name, Finding.Kind.MISSING, labels(absent)));
    }
    if (rules.mustMatch(name)) {
      if (groups.size() > 1) {
        found.add(new Finding(name, Finding.Kind.MUST_MATCH, labels(holders)));
      }
      return found;
    }
    for (List<AppConfig> group : groups) {
      Secret value = group.get(0).vars().get(name);
      boolean secret = rules.looksSecret(name) || CredentialUrl.hasPassword(value.reveal());
      if (group.size() > 1 && secret && !value.isEmpty()) {
        found.add(new Finding(name, Finding.Kind.SAME_SECRET, labels(group)));
      }
    }
    return found;
  }

  /** The holders split into groups of equal values, each group and the groups in app order. */
  private static List<List<AppConfig>> groupByValue(String name, List<AppConfig> holders) {
    List<List<AppConfig>> groups = new ArrayList<>();
    for (AppConfig app : holders) {
      Secret value = app.vars().get(name);
      List<AppConfig> home =
          groups.stream().filter(g -> g.get(0).vars().get(name).sameAs(value)).findFirst()
              .orElse(null);
      if (home == null) {
        home = new ArrayList<>();
        groups.add(home);
      }
      home.add(app);
    }
    return groups;
  }

  private static DriftReport.Comparison comparison(
      List<AppConfig> holders, List<List<AppConfig>> groups) {
    if (holders.size() < 2) {
      return DriftReport.Comparison.NOT_COMPARED;
    }
    return groups.size() == 1 ? DriftReport.Comparison.SAME : DriftReport.Comparison.DIFFERS;
  }

  /** One entry per (name, add-on), sorted by name then add-on, listing the apps in order. */
  private static List<DriftReport.AddonVar> addonVars(List<AppConfig> apps) {
    Map<String, Map<String, List<String>>> byName = new TreeMap<>();
    for (AppConfig app : apps) {
      app.addonOwned().forEach((name, addon) -> byName
          .computeIfAbsent(name, n -> new TreeMap<>())
          .computeIfAbsent(addon, a -> new ArrayList<>())
          .add(app.label()));
    }
    List<DriftReport.AddonVar> owned = new ArrayList<>();
    byName.forEach((name, byAddon) -> byAddon.forEach(
        (addon, envs) -> owned.add(new DriftReport.AddonVar(name, addon, envs))));
    return owned;
  }

  private static List<String> labels(List<AppConfig> apps) {
    Set<String> seen = new HashSet<>();
    for (AppConfig app : apps) {
      if (!seen.add(app.label())) {
        throw EnvshiftException.usage("drift: environment '" + app.label() + "' is listed twice");
      }
    }
    return apps.stream().map(AppConfig::label).toList();
  }
}
