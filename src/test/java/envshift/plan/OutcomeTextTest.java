package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomeTextTest {
  static final List<AppOutcome> OUTCOMES =
      List.of(
          new AppOutcome("staging", "payroll-staging", AppOutcome.Status.APPLIED, Optional.of(42),
              Optional.empty()),
          new AppOutcome("production", "payroll-prod", AppOutcome.Status.FAILED, Optional.empty(),
              Optional.of("heroku: PATCH /apps/payroll-prod/config-vars: 422\nInvalid")),
          new AppOutcome("review", "payroll-review", AppOutcome.Status.UNCHANGED, Optional.empty(),
              Optional.empty()),
          new AppOutcome("demo", "demo", AppOutcome.Status.SKIPPED, Optional.empty(),
              Optional.of("not confirmed")));

  @Test
  void golden() {
    assertThat(OutcomeText.render(OUTCOMES))
        .isEqualTo(
            """
            payroll-staging  applied (v42)
            payroll-prod     failed: heroku: PATCH /apps/payroll-prod/config-vars: 422 Invalid
            payroll-review   unchanged
            demo             skipped: not confirmed
            Apply: 1 applied, 1 unchanged, 1 failed, 1 skipped.
            """);
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(OutcomeText.render(OUTCOMES)).doesNotContain("\u001b[");
    assertThat(OutcomeText.render(OUTCOMES, true)).contains("\u001b[32mapplied (v42)\u001b[0m");
  }

  @Test
  void aFailureWithoutAReasonIsRejected() {
    assertThatThrownBy(
            () -> new AppOutcome("s", "a", AppOutcome.Status.FAILED, Optional.empty(),
                Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
