package envshift.push;

import envshift.Secret;
import envshift.plan.AppPlan;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plan for one app and the live config it was computed from (to detect later changes). */
public record PlannedApp(AppPlan plan, Map<String, Secret> live) {
  public PlannedApp {
    live = Collections.unmodifiableMap(new LinkedHashMap<>(live));
  }
}
