package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import envshift.EnvshiftException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftAnalyzerTest {
  private static AppConfig app(String label, Map<String, envshift.Secret> vars) {
    return new AppConfig(label, "app-" + label, vars, Map.of());
  }

  private static List<Finding> findings(DriftRules rules, AppConfig... apps) {
    return DriftAnalyzer.analyze(List.of(apps), rules).findings();
  }

  @Test
  void findsEveryKindOnceInNameOrder() {
    assertThat(DriftFixtures.report().findings())
        .extracting(Finding::name, Finding::kind, Finding::envs)
        .containsExactly(
            tuple("CACHE_URL", Finding.Kind.SAME_SECRET, List.of("staging", "production")),
            tuple("DB_PASSWORD", Finding.Kind.SAME_SECRET, List.of("staging", "production")),
            tuple("DEBUG", Finding.Kind.MISSING, List.of("production")),
            tuple("FEATURE_X", Finding.Kind.MUST_MATCH,
                List.of("staging", "production", "review")),
            tuple("SECRET_KEY", Finding.Kind.SAME_SECRET, List.of("staging", "review")));
  }

  @Test
  void stagingPasswordEqualToProductionsIsASameSecretFinding() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("DB_PASSWORD", "hunter2")),
            app("production", vars("DB_PASSWORD", "hunter2"))))
        .containsExactly(new Finding("DB_PASSWORD", Finding.Kind.SAME_SECRET,
            List.of("staging", "production")));
  }

  @Test
  void rowsShowPresenceAndComparisonButAddonVarsAreListedApart() {
    DriftReport report = DriftFixtures.report();
    assertThat(report.environments()).containsExactly("staging", "production", "review");
    assertThat(report.rows())
        .extracting(DriftReport.Row::name, DriftReport.Row::envs, DriftReport.Row::comparison)
        .contains(
            tuple("DEBUG", List.of("staging", "review"), DriftReport.Comparison.SAME),
            tuple("SENTRY_DSN", List.of("production"), DriftReport.Comparison.NOT_COMPARED),
            tuple("ALLOWED_HOSTS", List.of("staging", "production", "review"),
                DriftReport.Comparison.DIFFERS));
    assertThat(report.rows()).extracting(DriftReport.Row::name).doesNotContain("DATABASE_URL");
    assertThat(report.addonOwned())
        .containsExactly(new DriftReport.AddonVar("DATABASE_URL", "heroku-postgresql",
            List.of("staging", "production")));
  }

  @Test
  void differingValuesAreNormal() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("SECRET_KEY", "a", "ALLOWED_HOSTS", "s")),
            app("production", vars("SECRET_KEY", "b", "ALLOWED_HOSTS", "p"))))
        .isEmpty();
  }

  @Test
  void equalNonSecretValuesAreNormal() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("DJANGO_SETTINGS_MODULE", "app.settings", "TZ", "UTC")),
            app("production", vars("DJANGO_SETTINGS_MODULE", "app.settings", "TZ", "UTC"))))
        .isEmpty();
  }

  @Test
  void secretPatternsAreCaseInsensitive() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("stripe_api_key", "sk")),
            app("production", vars("stripe_api_key", "sk"))))
        .extracting(Finding::kind).containsExactly(Finding.Kind.SAME_SECRET);
  }

  @Test
  void aUrlWithAPasswordIsASecretWhateverItsName() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("BROKER", "amqp://u:pw@mq/vhost", "SITE", "https://example.org")),
            app("production",
                vars("BROKER", "amqp://u:pw@mq/vhost", "SITE", "https://example.org"))))
        .containsExactly(
            new Finding("BROKER", Finding.Kind.SAME_SECRET, List.of("staging", "production")));
  }

  @Test
  void oneSameSecretFindingPerGroupOfEqualValues() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("a", vars("API_TOKEN", "x")), app("b", vars("API_TOKEN", "y")),
            app("c", vars("API_TOKEN", "x")), app("d", vars("API_TOKEN", "y")),
            app("e", vars("API_TOKEN", "z"))))
        .extracting(Finding::envs)
        .containsExactly(List.of("a", "c"), List.of("b", "d"));
  }

  @Test
  void emptySecretsAreNotSameSecretFindings() {
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("API_TOKEN", "")), app("production", vars("API_TOKEN", ""))))
        .isEmpty();
  }

  @Test
  void envSpecificNamesAreNeverMissing() {
    DriftRules rules = DriftRules.defaultsWith(List.of(), List.of("SENTRY_*"));
    assertThat(findings(rules,
            app("staging", vars("A", "1")),
            app("production", vars("A", "1", "SENTRY_DSN", "d", "SENTRY_ENV", "p")),
            app("review", vars("A", "1", "SENTRY_DSN", "e"))))
        .isEmpty();
    assertThat(findings(DriftRules.DEFAULTS,
            app("staging", vars("A", "1")), app("production", vars("A", "1", "SENTRY_ENV", "p"))))
        .containsExactly(new Finding("SENTRY_ENV", Finding.Kind.MISSING, List.of("staging")));
  }

  @Test
  void mustMatchNamesAreFlaggedWhenTheyDifferAndNeverAsSameSecret() {
    DriftRules rules = DriftRules.defaultsWith(List.of("SHARED_API_KEY", "FLAG"), List.of());
    assertThat(findings(rules,
            app("staging", vars("SHARED_API_KEY", "k", "FLAG", "1")),
            app("production", vars("SHARED_API_KEY", "k", "FLAG", "2"))))
        .containsExactly(
            new Finding("FLAG", Finding.Kind.MUST_MATCH, List.of("staging", "production")));
  }

  @Test
  void addonOwnedInOneAppTakesTheNameOutOfTheComparisonEverywhere() {
    AppConfig staging = new AppConfig("staging", "s", vars("DATABASE_URL", "postgres://u:p@h/d"),
        Map.of());
    AppConfig production = new AppConfig("production", "p",
        vars("DATABASE_URL", "postgres://u:p@h/d"), Map.of("DATABASE_URL", "heroku-postgresql"));
    AppConfig review = new AppConfig("review", "r", Map.of(), Map.of());
    DriftReport report = DriftAnalyzer.analyze(List.of(staging, production, review),
        DriftRules.DEFAULTS);
    assertThat(report.hasFindings()).isFalse();
    assertThat(report.rows()).isEmpty();
    assertThat(report.addonOwned()).containsExactly(
        new DriftReport.AddonVar("DATABASE_URL", "heroku-postgresql", List.of("production")));
  }

  @Test
  void aSingleAppHasNoFindings() {
    DriftReport report = DriftAnalyzer.analyze(
        List.of(app("staging", vars("SECRET_KEY", "x"))), DriftRules.DEFAULTS);
    assertThat(report.hasFindings()).isFalse();
    assertThat(report.rows()).extracting(DriftReport.Row::comparison)
        .containsExactly(DriftReport.Comparison.NOT_COMPARED);
  }

  @Test
  void aLabelListedTwiceIsAUsageError() {
    assertThatThrownBy(() -> DriftAnalyzer.analyze(
            List.of(app("staging", Map.of()), app("staging", Map.of())), DriftRules.DEFAULTS))
        .isInstanceOf(EnvshiftException.class)
        .hasMessageContaining("'staging'")
        .extracting(e -> ((EnvshiftException) e).exitCode()).isEqualTo(64);
  }

  @Test
  void theReportDoesNotDependOnInputMapOrder() {
    AppConfig a1 = app("staging", vars("B", "1", "A_KEY", "k"));
    AppConfig a2 = app("staging", vars("A_KEY", "k", "B", "1"));
    AppConfig b = app("production", vars("A_KEY", "k"));
    assertThat(DriftAnalyzer.analyze(List.of(a1, b), DriftRules.DEFAULTS))
        .isEqualTo(DriftAnalyzer.analyze(List.of(a2, b), DriftRules.DEFAULTS));
  }

  @Test
  void withFindingsMergesInNameThenKindOrder() {
    DriftReport merged = DriftFixtures.report().withFindings(
        List.of(new Finding("AAA", Finding.Kind.ADDED, List.of("staging")),
            new Finding("DEBUG", Finding.Kind.CHANGED, List.of("staging"))));
    assertThat(merged.findings()).extracting(Finding::name, Finding::kind)
        .containsExactly(
            tuple("AAA", Finding.Kind.ADDED),
            tuple("CACHE_URL", Finding.Kind.SAME_SECRET),
            tuple("DB_PASSWORD", Finding.Kind.SAME_SECRET),
            tuple("DEBUG", Finding.Kind.MISSING),
            tuple("DEBUG", Finding.Kind.CHANGED),
            tuple("FEATURE_X", Finding.Kind.MUST_MATCH),
            tuple("SECRET_KEY", Finding.Kind.SAME_SECRET));
  }

  @Test
  void reportToStringHoldsNoValue() {
    assertThat(DriftFixtures.report().toString()).doesNotContain(DriftFixtures.SHARED_PASSWORD);
  }
}
