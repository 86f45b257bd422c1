package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares one app's live config with what its source (the settings files) declares. Pure. Add-on
 * owned names are left out: the add-on, not the source, decides their values.
 */
public final class SourceDrift {
  private SourceDrift() {}

  /** CHANGED, ADDED (live only) and REMOVED (source only) findings, sorted by name. */
  public static List<Finding> compare(
      String env, Map<String, Secret> live, Map<String, String> addonOwned,
      Map<String, Secret> declared) {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(addonOwned, "addonOwned == null");
    TreeSet<String> names = new TreeSet<>(Objects.requireNonNull(live, "live == null").keySet());
    names.addAll(Objects.requireNonNull(declared, "declared == null").keySet());
    names.removeAll(addonOwned.keySet());
    List<Finding> found = new ArrayList<>();
    for (String name : names) {
      Secret now = live.get(name);
      Secret wanted = declared.get(name);
      Finding.Kind kind = null;
      if (now == null) {
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
