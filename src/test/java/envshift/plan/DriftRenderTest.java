package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftRenderTest {
  @Test
  void tableGolden() {
    assertThat(DriftTable.render(DriftFixtures.report(), false))
        .isEqualTo(
            """
            name           staging  production  review  values
            ALLOWED_HOSTS  ✓        ✓           ✓       differs
            CACHE_URL      ✓        ✓           ✓       differs
            DB_PASSWORD    ✓        ✓           ✓       differs
            DEBUG          ✓        —           ✓       same
            FEATURE_X      ✓        ✓           ✓       differs
            SECRET_KEY     ✓        ✓           ✓       differs
            SENTRY_DSN     —        ✓           —       —

            Add-on owned (not compared):
              DATABASE_URL  heroku-postgresql  staging, production

            5 findings:
              same-secret  CACHE_URL: same value in staging, production
              same-secret  DB_PASSWORD: same value in staging, production
              missing      DEBUG: missing in production
              must-match   FEATURE_X: must match but differs in staging, production, review
              same-secret  SECRET_KEY: same value in staging, review
            """);
  }

  @Test
  void tableWithoutFindingsSaysSo() {
    DriftReport report = DriftAnalyzer.analyze(
        List.of(new AppConfig("staging", "s", vars("A", "1"), Map.of()),
            new AppConfig("production", "p", vars("A", "2"), Map.of())),
        DriftRules.DEFAULTS);
    assertThat(DriftTable.render(report, false))
        .isEqualTo(
            """
            name  staging  production  values
            A     ✓        ✓           differs

            No findings.
            """);
  }

  @Test
  void tableColourOnlyWhenAsked() {
    assertThat(DriftTable.render(DriftFixtures.report(), false)).doesNotContain("\u001b[");
    assertThat(DriftTable.render(DriftFixtures.report(), true))
        .contains("\u001b[32m✓\u001b[0m")
        .contains("\u001b[31msame-secret\u001b[0m");
  }

  @Test
  void jsonGolden() {
    assertThat(DriftJson.render(DriftFixtures.report()))
        .isEqualTo(
            "{\"environments\":[\"staging\",\"production\",\"review\"],"
                + "\"findings\":["
                + "{\"name\":\"CACHE_URL\",\"kind\":\"same-secret\","
                + "\"envs\":[\"staging\",\"production\"]},"
                + "{\"name\":\"DB_PASSWORD\",\"kind\":\"same-secret\","
                + "\"envs\":[\"staging\",\"production\"]},"
                + "{\"name\":\"DEBUG\",\"kind\":\"missing\",\"envs\":[\"production\"]},"
                + "{\"name\":\"FEATURE_X\",\"kind\":\"must-match\","
                + "\"envs\":[\"staging\",\"production\",\"review\"]},"
                + "{\"name\":\"SECRET_KEY\",\"kind\":\"same-secret\","
                + "\"envs\":[\"staging\",\"review\"]}],"
                + "\"addon_owned\":[{\"name\":\"DATABASE_URL\",\"addon\":\"heroku-postgresql\","
                + "\"envs\":[\"staging\",\"production\"]}]}");
  }

  @Test
  void jsonKindsForSourceDrift() {
    DriftReport report = new DriftReport(List.of("staging"), List.of(), List.of(), List.of())
        .withFindings(SourceDrift.compare("staging", vars("A", "1", "B", "2"), Map.of(),
            vars("A", "x", "C", "3")));
    assertThat(DriftJson.render(report))
        .isEqualTo(
            "{\"environments\":[\"staging\"],\"findings\":["
                + "{\"name\":\"A\",\"kind\":\"changed\",\"envs\":[\"staging\"]},"
                + "{\"name\":\"B\",\"kind\":\"added\",\"envs\":[\"staging\"]},"
                + "{\"name\":\"C\",\"kind\":\"removed\",\"envs\":[\"staging\"]}],"
                + "\"addon_owned\":[]}");
  }

  @Test
  void noRenderingHoldsAValue() {
    DriftReport report = DriftFixtures.report();
    for (String out : List.of(DriftTable.render(report, true), DriftJson.render(report),
        DriftMarkdown.render(report))) {
      assertThat(out)
          .doesNotContain(DriftFixtures.SHARED_PASSWORD)
          .doesNotContain("cache-pw")
          .doesNotContain("key-a")
          .doesNotContain("example.org")
          .doesNotContain("postgres://");
    }
  }

  @Test
  void markdownGolden() {
    assertThat(DriftMarkdown.render(DriftFixtures.report()))
        .isEqualTo(
            """
            ### envshift drift

            | Variable | staging | production | review | Values |
            | --- | --- | --- | --- | --- |
            | `ALLOWED_HOSTS` | ✓ | ✓ | ✓ | differs |
            | `CACHE_URL` | ✓ | ✓ | ✓ | differs |
            | `DB_PASSWORD` | ✓ | ✓ | ✓ | differs |
            | `DEBUG` | ✓ | — | ✓ | same |
            | `FEATURE_X` | ✓ | ✓ | ✓ | differs |
            | `SECRET_KEY` | ✓ | ✓ | ✓ | differs |
            | `SENTRY_DSN` | — | ✓ | — | — |

            **5 findings:**

            - **same-secret** `CACHE_URL`: same value in staging, production
            - **same-secret** `DB_PASSWORD`: same value in staging, production
            - **missing** `DEBUG`: missing in production
            - **must-match** `FEATURE_X`: must match but differs in staging, production, review
            - **same-secret** `SECRET_KEY`: same value in staging, review

            **Add-on owned (not compared):**

            - `DATABASE_URL` (heroku-postgresql: staging, production)
            """);
  }

  @Test
  void markdownEscapesLabelsSoTheyCannotBreakTheTable() {
    DriftReport report = DriftAnalyzer.analyze(
        List.of(new AppConfig("a|b", "s", vars("X", "1"), Map.of()),
            new AppConfig("*c*", "p", Map.of(), Map.of())),
        DriftRules.DEFAULTS);
    assertThat(DriftMarkdown.render(report))
        .contains("| Variable | a\\|b | \\*c\\* | Values |\n")
        .contains("- **missing** `X`: missing in \\*c\\*\n");
  }
}
