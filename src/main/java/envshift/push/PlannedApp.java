package envshift.push;

import envshift.Secret;
import envshift.plan.AppPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A plan for one destination and the live config it was computed from (to detect later changes).
 */
public record PlannedApp(Destination destination, AppPlan plan, Map<String, Secret> live) {
  public PlannedApp {
    Objects.requireNonNull(destination, "destination == null");
    live = Collections.unmodifiableMap(new LinkedHashMap<>(live));
  }

  /** A plan for the app the plan names. */
  public PlannedApp(AppPlan plan, Map<String, Secret> live) {
    this(new Destination.App(plan.app()), plan, live);
  }
}
