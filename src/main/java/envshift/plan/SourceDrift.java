package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares one app's live config with what its source (the settings files) declares. Pure. Add-on
 * owned names are left out: the add-on, not the source, decides their values. Live-owned names
 * (rotated, the manifest's {@code live:}) are not compared either, the source value being retired:
 * each one the app holds is a LIVE finding, so it stays visible without counting as drift.
 */
public final class SourceDrift {
  private SourceDrift() {}

  /** As below, for an environment without live-owned names. */
  public static List<Finding> compare(
      String env, Map<String, Secret> live, Map<String, String> addonOwned,
      Map<String, Secret> declared) {
    return compare(env, live, addonOwned, Set.of(), declared);
  }

  /** CHANGED, ADDED (live only), REMOVED (source only) and LIVE findings, sorted by name. */
  public static List<Finding> compare(
      String env, Map<String, Secret> live, Map<String, String> addonOwned,
      Set<String> liveOwned, Map<String, Secret> declared) {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(addonOwned, "addonOwned == null");
    Objects.requireNonNull(liveOwned, "liveOwned == null");
    TreeSet<String> names = new TreeSet<>(Objects.requireNonNull(live, "live == null").keySet());
    names.addAll(Objects.requireNonNull(declared, "declared == null").keySet());
    names.removeAll(addonOwned.keySet());
    List<Finding> found = new ArrayList<>();
    for (String name : names) {
      Secret now = live.get(name);
      Secret wanted = declared.get(name);
      Finding.Kind kind = null;
      if (liveOwned.contains(name)) {
        kind = now == null ? null : Finding.Kind.LIVE;
      } else if (now == null) {
        kind = Finding.Kind.REMOVED;
      } else if (wanted == null) {
        kind = Finding.Kind.ADDED;
      } else if (!now.sameAs(wanted)) {
        kind = Finding.Kind.CHANGED;
      }
      if (kind != null) {
        found.add(new Finding(name, kind, List.of(env)));
      }
    }
    return List.copyOf(found);
  }
}
