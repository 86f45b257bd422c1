package envshift.rotate;

import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.SourceReader;
import envshift.mapping.MappingRules;
import envshift.plan.Action;
import envshift.plan.AppPlan;
import envshift.plan.Change;
import envshift.settings.ParseWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether an environment's legacy files can go: every variable they declare, after the manifest's
 * renames and drops, must be live with the same value (add-on owned ones excepted: the add-on sets
 * them; live-owned ones too: rotated, their legacy value is known to be retired), and no setting
 * of theirs may have been skipped by the parser, and so never converted, unless the manifest drops
 * it: it was never pushed, so deleting its only copy would lose it.
 */
public final class CleanupCheck {
  /** The parser's warning for a skipped setting: "NAME: skipped (why)". */
  private static final Pattern SKIPPED = Pattern.compile("^([A-Z][A-Z0-9_]*): skipped\\b");
  /** ...and for a skipped block: "skipped 'if' block (lines 3-9); it may change A, B". */
  private static final Pattern BLOCK =
      Pattern.compile("; it (?:assigns|may change) ([A-Za-z0-9_, ]+)$");

  private CleanupCheck() {}

  /**
   * What is not verified for one environment: {@code plan} compares its mapped variables with the
   * live app (without --prune); {@code migrated} are the files about to be removed.
   */
  public static List<Unverified> check(AppPlan plan, LoadedEnvironment loaded,
      Set<String> migrated, MappingRules rules) {
    return check(plan, loaded, migrated, rules, Set.of());
  }

  /** As above; {@code liveOwned} are the environment's {@code live:} names, verified as such. */
  public static List<Unverified> check(AppPlan plan, LoadedEnvironment loaded,
      Set<String> migrated, MappingRules rules, Set<String> liveOwned) {
    List<Unverified> found = new ArrayList<>();
    for (Change c : plan.changes()) {
      if (liveOwned.contains(c.name())) continue;
      if (c.action() == Action.ADD) {
        found.add(new Unverified(plan.env(), c.name(), "not live on " + plan.app()));
      } else if (c.action() == Action.CHANGE) {
        found.add(new Unverified(plan.env(), c.name(),
            "live on " + plan.app() + " with a different value"));
      }
    }
    for (SourceReader.LoadedSource source : loaded.sources()) {
      // a legacy file that gave nothing was never pushed: removing it loses whatever it holds
      if (migrated.contains(source.path()) && source.module().settings().isEmpty()) {
        found.add(new Unverified(plan.env(), source.path(), "yielded no variable (read as "
            + source.module().format().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + "), so none of it was verified live; convert it or remove it by hand"));
      }
    }
    for (ParseWarning w : loaded.warnings()) {
      if (!migrated.contains(w.origin().file())) continue;
      for (String name : skippedNames(w.message())) {
        if (!rules.drop().contains(name) && !converted(name, loaded, rules)
            && !liveOwned.contains(rules.rename().getOrDefault(name, name))) {
          found.add(new Unverified(plan.env(), name, "skipped when converting (" + w.origin()
              + "), so never pushed; add it to drop: in envshift.yml once it lives elsewhere"));
        }
      }
    }
    return List.copyOf(found);
  }

  /** A name a skipped block may change but that was converted anyway: the plan checked it. */
  private static boolean converted(String name, LoadedEnvironment loaded, MappingRules rules) {
    return loaded.vars().vars().containsKey(rules.rename().getOrDefault(name, name));
  }

  static List<String> skippedNames(String warning) {
    Matcher one = SKIPPED.matcher(warning);
    if (one.find()) return List.of(one.group(1));
    Matcher block = BLOCK.matcher(warning);
    if (!block.find()) return List.of();
    return Pattern.compile(",\\s*").splitAsStream(block.group(1).strip())
        .filter(n -> n.matches("[A-Z][A-Z0-9_]*")).toList();
  }
}
