package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import envshift.Secret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static AppPlan plan(
      Map<String, Secret> live, Map<String, String> owned, Map<String, Secret> desired,
      boolean prune) {
    return Planner.plan("staging", "payroll-staging", live, owned, desired, prune);
  }

  @Test
  void classifiesEveryNameAndSortsByName() {
    AppPlan p =
        plan(
            vars("Z_SAME", "1", "B_OLD", "x", "C_CHANGED", "a"),
            Map.of(),
            vars("Z_SAME", "1", "C_CHANGED", "b", "A_NEW", "n"),
            false);
    assertThat(p.changes())
        .extracting(Change::name, Change::action)
        .containsExactly(
            tuple("A_NEW", Action.ADD),
            tuple("B_OLD", Action.KEEP),
            tuple("C_CHANGED", Action.CHANGE),
            tuple("Z_SAME", Action.UNCHANGED));
    assertThat(p.unchangedCount()).isEqualTo(1);
  }

  @Test
  void patchHoldsOnlyAddsChangesAndRemovesWithNewValues() {
    AppPlan p =
        plan(vars("SAME", "1", "GONE", "x", "CHANGED", "a"), Map.of(),
            vars("SAME", "1", "CHANGED", "b", "NEW", "n"), true);
    assertThat(p.patch())
        .containsExactly(
            Map.entry("CHANGED", Optional.of(Secret.of("b"))),
            Map.entry("GONE", Optional.empty()),
            Map.entry("NEW", Optional.of(Secret.of("n"))));
    assertThat(p.hasChanges()).isTrue();
  }

  @Test
  void liveOnlyVarsAreKeptWithoutPruneAndRemovedWithIt() {
    assertThat(plan(vars("OLD", "x"), Map.of(), Map.of(), false).changes())
        .extracting(Change::action).containsExactly(Action.KEEP);
    assertThat(plan(vars("OLD", "x"), Map.of(), Map.of(), false).patch()).isEmpty();
    assertThat(plan(vars("OLD", "x"), Map.of(), Map.of(), true).changes())
        .extracting(Change::action).containsExactly(Action.REMOVE);
  }

  @Test
  void keptVarsAloneAreNoChange() {
    assertThat(plan(vars("OLD", "x"), Map.of(), Map.of(), false).hasChanges()).isFalse();
  }

  @Test
  void addonOwnedVarIsProtectedAndNeverPatchedEvenWithPruneOrADifferentSourceValue() {
    Map<String, String> owned = Map.of("DATABASE_URL", "heroku-postgresql", "REDIS_URL", "redis");
    AppPlan p =
        plan(vars("DATABASE_URL", "postgres://live", "REDIS_URL", "redis://live"), owned,
            vars("DATABASE_URL", "postgres://from-settings"), true);
    assertThat(p.changes())
        .extracting(Change::name, Change::action, Change::addon)
        .containsExactly(
            tuple("DATABASE_URL", Action.PROTECTED, Optional.of("heroku-postgresql")),
            tuple("REDIS_URL", Action.PROTECTED, Optional.of("redis")));
    assertThat(p.patch()).isEmpty();
    assertThat(p.hasChanges()).isFalse();
  }

  @Test
  void addonOwnedVarTheSourceDeclaresButIsNotLiveIsStillNotSent() {
    AppPlan p = plan(Map.of(), Map.of("DATABASE_URL", "heroku-postgresql"),
        vars("DATABASE_URL", "postgres://x"), false);
    assertThat(p.changes()).extracting(Change::action).containsExactly(Action.PROTECTED);
    assertThat(p.patch()).isEmpty();
  }

  @Test
  void equalValuesAreUnchangedAndEmptyValuesAreValues() {
    AppPlan p = plan(vars("A", ""), Map.of(), vars("A", "", "B", ""), false);
    assertThat(p.changes()).extracting(Change::action)
        .containsExactly(Action.UNCHANGED, Action.ADD);
    assertThat(p.patch()).containsExactly(Map.entry("B", Optional.of(Secret.of(""))));
  }

  @Test
  void samePlanForTheSameInputWhateverTheMapOrder() {
    AppPlan a = plan(vars("X", "1", "Y", "2"), Map.of(), vars("Y", "3", "Z", "4"), true);
    AppPlan b = plan(vars("Y", "2", "X", "1"), Map.of(), vars("Z", "4", "Y", "3"), true);
    assertThat(a).isEqualTo(b);
    assertThat(PlanText.render(new Plan(java.util.List.of(a)), RenderOptions.PLAIN))
        .isEqualTo(PlanText.render(new Plan(java.util.List.of(b)), RenderOptions.PLAIN));
  }

  @Test
  void planHasChangesWhenAnyAppHas() {
    assertThat(Fixtures.twoApps(false).hasChanges()).isTrue();
    Plan none = new Plan(java.util.List.of(plan(vars("A", "1"), Map.of(), vars("A", "1"), true)));
    assertThat(none.hasChanges()).isFalse();
  }

  @Test
  void changeToStringShowsLengthsOnly() {
    AppPlan p = plan(Map.of(), Map.of(), vars("NEW", Fixtures.CANARY), false);
    assertThat(p.toString()).doesNotContain(Fixtures.CANARY).contains("24 chars");
  }
}
