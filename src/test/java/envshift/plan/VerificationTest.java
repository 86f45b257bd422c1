package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationTest {
  private static final Map<String, Optional<Secret>> PATCH =
      Map.of("A", Optional.of(Secret.of("1")), "B", Optional.of(Secret.of("2")), "GONE",
          Optional.empty());

  @Test
  void noMismatchWhenEverythingTook() {
    assertThat(Verification.mismatches(PATCH, vars("A", "1", "B", "2", "OTHER", "x"))).isEmpty();
  }

  @Test
  void reportsWrongValuesMissingNamesAndSurvivingDeletesSorted() {
    assertThat(Verification.mismatches(PATCH, vars("GONE", "still", "B", "not-2")))
        .containsExactly("A", "B", "GONE");
  }

  @Test
  void worksOnAPlannersPatch() {
    AppPlan p = Planner.plan("s", "app", vars("OLD", "x"), Map.of(), vars("NEW", "y"), true);
    assertThat(Verification.mismatches(p.patch(), vars("NEW", "y"))).isEmpty();
    assertThat(Verification.mismatches(p.patch(), vars("NEW", "y", "OLD", "x")))
        .containsExactly("OLD");
  }
}
