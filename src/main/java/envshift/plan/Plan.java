package envshift.plan;

import java.util.List;
import java.util.Objects;

/** A plan across apps, in the order the environments were asked for. */
public record Plan(List<AppPlan> apps) {
  public Plan {
    apps = List.copyOf(Objects.requireNonNull(apps, "apps == null"));
  }

  /** True when at least one app would get a PATCH; drives {@code --detailed-exitcode}. */
  public boolean hasChanges() {
    return apps.stream().anyMatch(AppPlan::hasChanges);
  }

  /** How many changes with this action, across apps. */
  public int count(Action action) {
    return apps.stream().mapToInt(a -> a.count(action)).sum();
  }
}
