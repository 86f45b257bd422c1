package envshift.push;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one app should hold: the environment it belongs to, its app name, the desired vars and the
 * names the app owns since a rotation (the manifest's {@code live:}; never sent).
 */
public record AppTarget(String env, String app, Map<String, Secret> desired,
    Set<String> liveOwned) {
  public AppTarget {
    desired = Collections.unmodifiableMap(new LinkedHashMap<>(desired));
    liveOwned = Set.copyOf(liveOwned);
  }

  public AppTarget(String env, String app, Map<String, Secret> desired) {
    this(env, app, desired, Set.of());
  }
}
