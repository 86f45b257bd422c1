package envshift.plan;

import static envshift.plan.Fixtures.CANARY;
import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTextTest {
  @Test
  void maskedGolden() {
    assertThat(PlanText.render(Fixtures.twoApps(false), RenderOptions.PLAIN))
        .isEqualTo(
            """
            staging → payroll-staging
              + NEW_VAR = <24 chars>
              ~ SECRET_KEY: <12 chars> → <14 chars>
              = 1 unchanged
              ! DATABASE_URL owned by add-on heroku-postgresql, left alone
                OLD_VAR kept (live only; --prune would delete it)

            production → payroll-prod
              = 1 unchanged

            Plan: 1 to add, 1 to change, 0 to delete across 2 apps (1 unchanged).
            """);
  }

  @Test
  void pruneGoldenListsTheDeleteAndStillLeavesTheAddonVarAlone() {
    assertThat(PlanText.render(Fixtures.twoApps(true), RenderOptions.PLAIN))
        .isEqualTo(
            """
            staging → payroll-staging
              + NEW_VAR = <24 chars>
              ~ SECRET_KEY: <12 chars> → <14 chars>
              - OLD_VAR
              = 1 unchanged
              ! DATABASE_URL owned by add-on heroku-postgresql, left alone

            production → payroll-prod
              = 1 unchanged

            Plan: 1 to add, 1 to change, 1 to delete across 2 apps (1 unchanged).
            """);
  }

  @Test
  void revealedGolden() {
    assertThat(PlanText.render(Fixtures.twoApps(false), new RenderOptions(true, false)))
        .startsWith(
            """
            staging → payroll-staging
              + NEW_VAR = CANARY-9f2c-do-not-print
              ~ SECRET_KEY: old-key-1234 → new-key-123456
              = 1 unchanged
            """);
  }

  @Test
  void noValueAppearsUnlessRevealed() {
    String masked = PlanText.render(Fixtures.twoApps(true), new RenderOptions(false, true));
    assertThat(masked)
        .doesNotContain(CANARY)
        .doesNotContain("old-key")
        .doesNotContain("new-key")
        .doesNotContain("postgres://")
        .doesNotContain("legacy");
  }

  @Test
  void multiLineValuesAreIndentedBlocksWhenRevealed() {
    AppPlan p =
        Planner.plan("staging", "app", vars("PEM", "old1\nold2"), Map.of(),
            vars("PEM", "new1\nnew2", "CERT", "a\nb"), false);
    assertThat(PlanText.render(new Plan(List.of(p)), new RenderOptions(true, false)))
        .isEqualTo(
            """
            staging → app
              + CERT =
                  a
                  b
              ~ PEM:
                  old1
                  old2
                →
                  new1
                  new2

            Plan: 1 to add, 1 to change, 0 to delete across 1 app (0 unchanged).
            """);
  }

  @Test
  void multiLineValuesStayOneMaskedLineWhenNotRevealed() {
    AppPlan p = Planner.plan("staging", "app", Map.of(), Map.of(), vars("PEM", "l1\nl2"), false);
    assertThat(PlanText.render(new Plan(List.of(p)), RenderOptions.PLAIN))
        .contains("  + PEM = <5 chars>\n");
  }

  @Test
  void revealedControlCharactersAreMadeVisible() {
    AppPlan p =
        Planner.plan("staging", "app", Map.of(), Map.of(), vars("X", "a\u001b[31mb\r"), false);
    assertThat(PlanText.render(new Plan(List.of(p)), new RenderOptions(true, false)))
        .contains("  + X = a\\u001b[31mb\\r\n")
        .doesNotContain("\u001b");
  }

  @Test
  void anEmptyValueIsShownAsEmptyEvenRevealed() {
    AppPlan p = Planner.plan("staging", "app", vars("X", "a"), Map.of(), vars("X", ""), false);
    assertThat(PlanText.render(new Plan(List.of(p)), new RenderOptions(true, false)))
        .contains("  ~ X: a → <empty>\n");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(PlanText.render(Fixtures.twoApps(false), RenderOptions.PLAIN))
        .doesNotContain("\u001b[");
    String coloured = PlanText.render(Fixtures.twoApps(false), new RenderOptions(false, true));
    assertThat(coloured)
        .contains("\u001b[32m+ NEW_VAR = <24 chars>\u001b[0m")
        .contains("\u001b[33m~ SECRET_KEY: <12 chars> → <14 chars>\u001b[0m");
  }

  @Test
  void emptyAppSaysSo() {
    AppPlan p = Planner.plan("review", "app-pr-1", Map.of(), Map.of(), Map.of(), false);
    assertThat(PlanText.render(new Plan(List.of(p)), RenderOptions.PLAIN))
        .isEqualTo(
            """
            review → app-pr-1
              (no config vars)

            Plan: 0 to add, 0 to change, 0 to delete across 1 app (1 unchanged).
            """);
  }
}
