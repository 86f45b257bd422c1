package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Planner and its renderings with live-owned names (rotated, listed under the manifest's live:). */
class LiveOwnedPlanTest {
  private static final RenderOptions PLAIN = RenderOptions.PLAIN;

  private static AppPlan plan(Set<String> liveOwned, boolean prune) {
    return Planner.plan("staging", "payroll-staging",
        vars("SECRET_KEY", "rotated-new", "GONE", "x", "DEBUG", "0"),
        Map.of("DATABASE_URL", "heroku-postgresql"), liveOwned,
        vars("SECRET_KEY", "leaked-old", "DEBUG", "0", "SIGNING_KEY", "from-source"), prune);
  }

  @Test
  void aLiveOwnedVarIsNeverSentWhatEverTheSourceSays() {
    AppPlan p = plan(Set.of("SECRET_KEY", "SIGNING_KEY"), false);

    assertThat(p.changes()).extracting(Change::name, Change::action).containsExactly(
        tuple("DEBUG", Action.UNCHANGED),
        tuple("GONE", Action.KEEP),
        tuple("SECRET_KEY", Action.LIVE),
        tuple("SIGNING_KEY", Action.LIVE));
    assertThat(p.hasChanges()).isFalse();
    assertThat(p.patch()).isEmpty();
  }

  @Test
  void withoutLiveNamesTheRetiredSourceValueWouldBeSentBack() {
    AppPlan p = plan(Set.of(), false);

    assertThat(p.patch()).containsOnlyKeys("SECRET_KEY", "SIGNING_KEY");
  }

  @Test
  void pruneNeverDeletesALiveOwnedVar() {
    AppPlan p = Planner.plan("staging", "app", vars("SECRET_KEY", "new", "GONE", "x"), Map.of(),
        Set.of("SECRET_KEY"), Map.of(), true);

    assertThat(p.patch()).containsOnlyKeys("GONE");
    assertThat(p.changes(Action.LIVE)).extracting(Change::name).containsExactly("SECRET_KEY");
  }

  @Test
  void anAddonOwnedNameStaysProtectedEvenWhenListedLive() {
    AppPlan p = Planner.plan("staging", "app", vars("DATABASE_URL", "postgres://a"),
        Map.of("DATABASE_URL", "heroku-postgresql"), Set.of("DATABASE_URL"), Map.of(), true);

    assertThat(p.changes()).extracting(Change::action).containsExactly(Action.PROTECTED);
  }

  @Test
  void aLiveOwnedNameMissingOnTheAppIsListedAsNotSet() {
    AppPlan p = Planner.plan("staging", "app", Map.of(), Map.of(), Set.of("SECRET_KEY"),
        vars("SECRET_KEY", "old"), false);

    assertThat(p.changes()).extracting(Change::name, Change::action, Change::oldValue)
        .containsExactly(tuple("SECRET_KEY", Action.LIVE, Optional.empty()));
    assertThat(PlanText.render(new Plan(List.of(p)), PLAIN))
        .contains("  = SECRET_KEY live (rotated), left alone (not set on app)\n");
  }

  @Test
  void textShowsItLikeAnAddonOwnedVarAndTheSummaryCountsNothing() {
    String text = PlanText.render(new Plan(List.of(plan(Set.of("SECRET_KEY"), false))), PLAIN);

    assertThat(text).isEqualTo("staging → payroll-staging\n"
        + "  + SIGNING_KEY = <11 chars>\n"
        + "  = 1 unchanged\n"
        + "  = SECRET_KEY live (rotated), left alone\n"
        + "    GONE kept (live only; --prune would delete it)\n"
        + "\n"
        + "Plan: 1 to add, 0 to change, 0 to delete across 1 app (0 unchanged).\n");
    assertThat(text).doesNotContain("rotated-new").doesNotContain("leaked-old");
  }

  @Test
  void jsonListsThemUnderLiveAndNeverUnderChanges() throws Exception {
    String json = PlanJson.render(new Plan(List.of(plan(Set.of("SECRET_KEY"), false))), false);

    var tree = new ObjectMapper().readTree(json);
    assertThat(tree.at("/apps/0/live").toString())
        .isEqualTo("[{\"name\":\"SECRET_KEY\",\"set\":true}]");
    assertThat(tree.at("/apps/0/changes").findValuesAsText("name")).containsExactly("SIGNING_KEY");
    assertThat(json).doesNotContain("rotated-new").doesNotContain("leaked-old");
  }
}
