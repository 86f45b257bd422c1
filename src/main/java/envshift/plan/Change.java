package envshift.plan;

import envshift.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * One config var in a plan. {@code oldValue} is the live value, {@code newValue} the source's;
 * which of them must be present depends on the action (either or both for PROTECTED and LIVE,
 * which are never sent), and {@code addon} is present exactly for PROTECTED. toString() is the
 * record's, which is safe: {@link Secret#toString()} shows lengths.
 */
public record Change(
    String name,
    Action action,
    Optional<Secret> oldValue,
    Optional<Secret> newValue,
    Optional<String> addon) {

  public Change {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(oldValue, "oldValue == null");
    Objects.requireNonNull(newValue, "newValue == null");
    Objects.requireNonNull(addon, "addon == null");
    if (addon.isPresent() != (action == Action.PROTECTED)) {
      throw new IllegalArgumentException(name + ": addon is set exactly for PROTECTED");
    }
    boolean owned = action == Action.PROTECTED || action == Action.LIVE;
    boolean needsOld = action != Action.ADD;
    boolean needsNew =
        action == Action.ADD || action == Action.CHANGE || action == Action.UNCHANGED;
    if (!owned && (oldValue.isPresent() != needsOld || newValue.isPresent() != needsNew)) {
      throw new IllegalArgumentException(name + ": old/new values do not fit " + action);
    }
  }

  static Change add(String name, Secret value) {
    return new Change(name, Action.ADD, Optional.empty(), Optional.of(value), Optional.empty());
  }

  static Change change(String name, Secret from, Secret to) {
    return new Change(name, Action.CHANGE, Optional.of(from), Optional.of(to), Optional.empty());
  }

  static Change unchanged(String name, Secret value) {
    Optional<Secret> both = Optional.of(value);
    return new Change(name, Action.UNCHANGED, both, both, Optional.empty());
  }

  static Change liveOnly(String name, Secret value, boolean prune) {
    Action action = prune ? Action.REMOVE : Action.KEEP;
    return new Change(name, action, Optional.of(value), Optional.empty(), Optional.empty());
  }

  static Change owned(String name, Optional<Secret> live, Optional<Secret> source, String addon) {
    return new Change(name, Action.PROTECTED, live, source, Optional.of(addon));
  }

  static Change liveOwned(String name, Optional<Secret> live, Optional<Secret> source) {
    return new Change(name, Action.LIVE, live, source, Optional.empty());
  }
}
