package envshift.plan;

import envshift.Secret;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The plan for one app: one {@link Change} per config var that is live or in the source. */
public record AppPlan(String env, String app, List<Change> changes) {
  public AppPlan {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(app, "app == null");
    changes = List.copyOf(Objects.requireNonNull(changes, "changes == null"));
  }

  /**
   * The body of the one PATCH for this app, sorted by name: ADD and CHANGE map to the new value,
   * REMOVE to {@code Optional.empty()} (sent as JSON null). PROTECTED vars are never in it.
   */
  public Map<String, Optional<Secret>> patch() {
    Map<String, Optional<Secret>> patch = new TreeMap<>();
    for (Change c : changes) {
      if (c.action().isSent()) {
        patch.put(c.name(), c.newValue());
      }
    }
    return Collections.unmodifiableMap(patch);
  }

  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> c.action().isSent());
  }

  public int unchangedCount() {
    return count(Action.UNCHANGED);
  }

  /** How many changes have this action. */
  public int count(Action action) {
    return (int) changes.stream().filter(c -> c.action() == action).count();
  }

  /** The changes with this action, in plan order (by name). */
  public List<Change> changes(Action action) {
    return changes.stream().filter(c -> c.action() == action).toList();
  }
}
