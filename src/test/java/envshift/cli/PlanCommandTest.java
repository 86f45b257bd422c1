package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift plan} end to end against the fake: exit codes, JSON, masking, pipelines. */
@ExtendWith(FakeHerokuExtension.class)
class PlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp("payroll-staging");
    world.heroku.createApp("payroll-production");
  }

  @Test
  void detailedExitcodeIs2WithChanges0WithoutAnd1OnError() {
    Cli.Result changes = world.plan(PushWorld.DJANGO, "--detailed-exitcode");
    assertThat(changes.code()).as(changes.err()).isEqualTo(2);
    assertThat(changes.out()).contains("Plan: 54 to add, 0 to change, 0 to delete across 2 apps");
    assertThat(world.plan(PushWorld.DJANGO).code()).isZero();

    assertThat(world.apply(PushWorld.DJANGO).code()).isZero();
    Cli.Result none = world.plan(PushWorld.DJANGO, "--detailed-exitcode");
    assertThat(none.code()).as(none.err()).isZero();
    assertThat(none.out()).contains("(2 unchanged)");

    world.heroku.setConfig("payroll-production", Map.of("DEBUG", "True"));
    world.heroku.token("HRKU-rotated");
    Cli.Result error = world.plan(PushWorld.DJANGO, "--detailed-exitcode");
    assertThat(error.code()).isEqualTo(1);
    assertThat(error.err()).contains("401 unauthorized");
  }

  @Test
  void anUnknownAppIsReportedOnStderrWithExit1AndTheOtherPlansStillPrint() {
    Path repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(
        "payroll-staging", Map.of("A", "1"), "payroll-gone", Map.of("B", "2")));

    Cli.Result r = world.run("plan", "--repo", repo.toString(), "--detailed-exitcode");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("payroll-staging → payroll-staging\n  + A = <1 char>");
    assertThat(r.err()).contains("envshift: payroll-gone → payroll-gone: heroku: app "
        + "'payroll-gone' not found or not accessible (404 not_found)");
  }

  @Test
  void debugTracesTheRequestsButNeverTheTokenOrAValue() {
    Cli.Result r = world.plan(PushWorld.DJANGO, "--debug");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("/apps/payroll-staging/config-vars");
  }

  @Test
  void planOnlyReadsTwoRequestsPerApp() {
    world.plan(PushWorld.DJANGO);

    assertThat(world.heroku.requests()).hasSize(4)
        .extracting(FakeRequest::method).containsOnly("GET");
    assertThat(world.heroku.count("GET", "/apps/payroll-staging/")).isEqualTo(2);
  }

  @Test
  void jsonPlanMasksValuesUnlessRevealed() throws IOException {
    Cli.Result r = world.plan(PushWorld.DJANGO, "--json", "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode plan = JSON.readTree(r.out());
    JsonNode app = plan.get("apps").get(0);
    assertThat(app.get("env").asText()).isEqualTo("staging");
    assertThat(app.get("app").asText()).isEqualTo("payroll-staging");
    assertThat(app.get("changes")).hasSize(36);
    JsonNode password = find(app.get("changes"), "EMAIL_HOST_PASSWORD");
    assertThat(password.get("action").asText()).isEqualTo("add");
    assertThat(password.get("new").asText()).isEqualTo("<28 chars>");
    assertThat(password.get("old").isNull()).isTrue();
    assertThat(plan.get("summary").get("add").asInt()).isEqualTo(36);

    Cli.Result revealed = world.runRevealing(world.cli(), "plan", "--repo", PushWorld.DJANGO,
        "--secret-key", PushWorld.DEPLOY_KEY, "--json", "--env", "staging", "--reveal");
    JsonNode shown = find(JSON.readTree(revealed.out()).get("apps").get(0).get("changes"),
        "EMAIL_HOST_PASSWORD");
    assertThat(shown.get("new").asText()).isEqualTo("CANARY-5e2f0c1d-smtp-staging");
    assertThat(revealed.both()).doesNotContain(PushWorld.TOKEN);
  }

  @Test
  void aPipelineStageResolvesToTheAppCoupledToIt() {
    world.heroku.createApp("asset-dashboard-stg");
    world.heroku.createApp("asset-dashboard-prod");
    world.heroku.createPipeline("asset-dashboard");
    world.heroku.couple("asset-dashboard", "asset-dashboard-stg", "staging");
    world.heroku.couple("asset-dashboard", "asset-dashboard-prod", "production");

    Cli.Result r = world.apply(PushWorld.DOTENV);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("staging → asset-dashboard-stg")
        .contains("production → asset-dashboard-prod")
        .contains("asset-dashboard-stg   applied (v2)");
    assertThat(world.heroku.config("asset-dashboard-stg")).hasSize(14)
        .containsEntry("SITE_TITLE", "Asset Dashboard (staging)");
    assertThat(world.heroku.count("GET", "/pipelines/asset-dashboard")).isEqualTo(1);
  }

  @Test
  void aStageWithNoneOrSeveralCoupledAppsIsAnErrorListingThem() {
    world.heroku.createApp("asset-a");
    world.heroku.createApp("asset-b");
    world.heroku.createPipeline("asset-dashboard");
    world.heroku.couple("asset-dashboard", "asset-a", "staging");
    world.heroku.couple("asset-dashboard", "asset-b", "staging");

    Cli.Result r = world.plan(PushWorld.DOTENV);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("envshift: staging → pipeline asset-dashboard stage staging: 2 apps are coupled "
            + "to stage staging of pipeline asset-dashboard (expected one); coupled apps: "
            + "asset-a (staging), asset-b (staging)")
        .contains("envshift: production → pipeline asset-dashboard stage production: no app is "
            + "coupled to stage production of pipeline asset-dashboard; coupled apps: "
            + "asset-a (staging), asset-b (staging)");
  }

  private static JsonNode find(JsonNode changes, String name) {
    for (JsonNode change : changes) {
      if (change.get("name").asText().equals(name)) {
        return change;
      }
    }
    throw new AssertionError("no change for " + name);
  }
}
