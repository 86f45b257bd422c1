package envshift.push;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one destination (an app, or a pipeline stage's vars) should hold: the environment it
 * belongs to, where it is, the desired vars and the names the app owns since a rotation (the
 * manifest's {@code live:}; never sent).
 */
public record AppTarget(String env, Destination destination, Map<String, Secret> desired,
    Set<String> liveOwned) {
  public AppTarget {
    Objects.requireNonNull(destination, "destination == null");
    desired = Collections.unmodifiableMap(new LinkedHashMap<>(desired));
    liveOwned = Set.copyOf(liveOwned);
  }

  public AppTarget(String env, String app, Map<String, Secret> desired) {
    this(env, new Destination.App(app), desired, Set.of());
  }

  /** The destination's label: the app's name, or {@code pipeline P (review)}. */
  public String app() {
    return destination.label();
  }
}
