package envshift.push;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one app should hold: the environment it belongs to, its app name and the desired vars. */
public record AppTarget(String env, String app, Map<String, Secret> desired) {
  public AppTarget {
    desired = Collections.unmodifiableMap(new LinkedHashMap<>(desired));
  }
}
