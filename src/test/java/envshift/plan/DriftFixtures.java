package envshift.plan;

import static envshift.plan.Fixtures.vars;

import java.util.List;
import java.util.Map;

/** Three environments of one project, with one of each drift problem. */
final class DriftFixtures {
  static final String SHARED_PASSWORD = "CANARY-shared-pw-9f2c";
  static final DriftRules RULES =
      DriftRules.defaultsWith(List.of("FEATURE_*"), List.of("SENTRY_DSN"));

  private DriftFixtures() {}

  static List<AppConfig> apps() {
    AppConfig staging =
        new AppConfig("staging", "payroll-staging",
            vars("ALLOWED_HOSTS", "staging.example.org", "DB_PASSWORD", SHARED_PASSWORD,
                "DEBUG", "True", "FEATURE_X", "on", "SECRET_KEY", "key-a",
                "CACHE_URL", "redis://:cache-pw@cache:6379", "DATABASE_URL", "postgres://s"),
            Map.of("DATABASE_URL", "heroku-postgresql"));
    AppConfig production =
        new AppConfig("production", "payroll-prod",
            vars("ALLOWED_HOSTS", "example.org", "DB_PASSWORD", SHARED_PASSWORD,
                "FEATURE_X", "off", "SECRET_KEY", "key-b", "SENTRY_DSN", "https://k@sentry/1",
                "CACHE_URL", "redis://:cache-pw@cache:6379", "DATABASE_URL", "postgres://p"),
            Map.of("DATABASE_URL", "heroku-postgresql"));
    AppConfig review =
        new AppConfig("review", "payroll-review",
            vars("ALLOWED_HOSTS", "review.example.org", "DB_PASSWORD", "other-pw",
                "DEBUG", "True", "FEATURE_X", "on", "SECRET_KEY", "key-a",
                "CACHE_URL", "redis://:review-pw@cache:6379"),
            Map.of());
    return List.of(staging, production, review);
  }

  static DriftReport report() {
    return DriftAnalyzer.analyze(apps(), RULES);
  }
}
