package envshift.rotate;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rotation that passed its checks: the app, the names to rotate and the whole live config they
 * were checked against (to notice a change before writing, and to restore on failure).
 */
public record Prepared(String env, String app, List<String> names, Map<String, Secret> live) {
  public Prepared {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(app, "app == null");
    names = List.copyOf(names);
    live = Collections.unmodifiableMap(new LinkedHashMap<>(live));
  }

  @Override
  public String toString() {
    return "Prepared[" + env + ", " + app + ", " + names + "]";
  }
}
