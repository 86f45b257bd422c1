package envshift.plan;

import envshift.Secret;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders shared by the plan tests. */
final class Fixtures {
  /** A value that must never show up in output unless the test reveals it. */
  static final String CANARY = "CANARY-9f2c-do-not-print";

  private Fixtures() {}

  /** {@code vars("A", "1", "B", "2")} → an ordered map of secrets. */
  static Map<String, Secret> vars(String... namesAndValues) {
    Map<String, Secret> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], Secret.of(namesAndValues[i + 1]));
    }
    return map;
  }

  /**
   * staging: one add (NEW_VAR, the canary), one change (SECRET_KEY), one unchanged (DEBUG), one
   * kept (OLD_VAR), one add-on var the source also declares (DATABASE_URL). production: unchanged.
   */
  static Plan twoApps(boolean prune) {
    AppPlan staging =
        Planner.plan(
            "staging",
            "payroll-staging",
            vars("DEBUG", "False", "OLD_VAR", "legacy", "SECRET_KEY", "old-key-1234",
                "DATABASE_URL", "postgres://u:p@db/live"),
            Map.of("DATABASE_URL", "heroku-postgresql"),
            vars("DEBUG", "False", "NEW_VAR", CANARY, "SECRET_KEY", "new-key-123456",
                "DATABASE_URL", "postgres://u:p@db/from-source"),
            prune);
    AppPlan production =
        Planner.plan(
            "production", "payroll-prod", vars("DEBUG", "False"), Map.of(), vars("DEBUG", "False"),
            prune);
    return new Plan(java.util.List.of(staging, production));
  }
}
