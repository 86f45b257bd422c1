package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code {pipeline, stage: review|test}} target is the pipeline stage's own config vars (what
 * review apps and Heroku CI start from), planned, applied and compared like an app's.
 */
@ExtendWith(FakeHerokuExtension.class)
class PipelineStageVarsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = Cli.CANARY + "-review-token";

  @TempDir Path home;
  @TempDir Path repo;
  private PushWorld world;

  @BeforeEach
  void setUp(FakeHeroku heroku) throws IOException {
    world = new PushWorld(home, heroku);
    world.heroku.createPipeline("shop");
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/review.env"),
        "SITE_TITLE='Shop (review)'\nAPI_TOKEN='" + SECRET + "'\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        recipients: [deploy@example.org]
        environments:
          review:
            sources: [configs/review.env]
            heroku: {pipeline: shop, stage: review}
        """);
  }

  @Test
  void planShowsTheStageLikeAnAppAndNoAppIsLookedUp() throws IOException {
    world.heroku.setStageConfig("shop", "review", Map.of("SITE_TITLE", "old", "EXTRA", "x"));

    Cli.Result text = world.plan(repo.toString());
    Cli.Result json = world.plan(repo.toString(), "--json");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("review → pipeline shop (review)")
        .contains("API_TOKEN").contains("SITE_TITLE");
    JsonNode app = JSON.readTree(json.out()).get("apps").get(0);
    assertThat(app.get("env").asText()).isEqualTo("review");
    assertThat(app.get("app").asText()).isEqualTo("pipeline shop (review)");
    assertThat(app.get("changes").findValuesAsText("name"))
        .containsExactlyInAnyOrder("API_TOKEN", "SITE_TITLE");
    assertThat(world.heroku.count("GET", "/apps")).isZero();
    assertThat(world.heroku.count("GET", "/pipelines/shop")).isEqualTo(2);
  }

  @Test
  void applyPatchesTheStageVarsWithoutAReleaseAndVerifiesThem() throws IOException {
    world.heroku.setStageConfig("shop", "review", Map.of("SITE_TITLE", "old", "EXTRA", "x"));

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.stageConfig("shop", "review"))
        .containsEntry("SITE_TITLE", "Shop (review)").containsEntry("API_TOKEN", SECRET)
        .containsEntry("EXTRA", "x");
    assertThat(world.heroku.count("PATCH", "/pipelines/")).isOne();
    assertThat(world.heroku.count("PATCH", "/apps/")).isZero();
    assertThat(r.out()).contains("review → pipeline shop (review)")
        .contains("pipeline shop (review)  applied: pipeline stage vars: no release is made, no"
            + " backup is taken");
    assertThat(PushWorld.filesUnder(home.resolve("backups"))).isEmpty();

    Cli.Result again = world.apply(repo.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(world.heroku.count("PATCH", "/pipelines/")).isOne();
  }

  @Test
  void aPatchWhoseAnswerIsLostIsVerifiedByRereadingNotResent() {
    world.heroku.failNext("PATCH", "/pipelines/", new Fault.ApplyThenDrop());

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("pipeline shop (review)  applied: ")
        .contains("the re-read holds every change");
    assertThat(world.heroku.count("PATCH", "/pipelines/")).isOne();
    assertThat(world.heroku.stageConfig("shop", "review")).containsEntry("API_TOKEN", SECRET);
  }

  @Test
  void aRefusedPatchFailsTheStageAndChangesNothing() {
    world.heroku.failNext("PATCH", "/pipelines/", new Fault.Status(422, Optional.empty()));

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).isOne();
    assertThat(r.out()).contains("pipeline shop (review)  failed");
    assertThat(world.heroku.stageConfig("shop", "review")).isEmpty();
  }

  @Test
  void rotateRefusesAStageItIsForApps() {
    Cli.Result r = world.run("rotate", "SECRET_KEY", "--repo", repo.toString(), "--env",
        "review", "--yes", "--no-backup", "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).isOne();
    assertThat(r.err()).contains("stage review of pipeline shop is the pipeline's review config"
        + " vars, not an app");
    assertThat(world.heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void pruneRemovesStageVarsTheSourcesLack() {
    world.heroku.setStageConfig("shop", "review", Map.of("EXTRA", "x"));

    Cli.Result r = world.apply(repo.toString(), "--prune");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.stageConfig("shop", "review")).containsOnlyKeys("SITE_TITLE",
        "API_TOKEN");
  }

  @Test
  void driftAgainstSourceComparesTheStageVars() throws IOException {
    world.heroku.setStageConfig("shop", "review", Map.of("SITE_TITLE", "Shop (review)"));

    Cli.Result r = world.run("drift", "--repo", repo.toString(), "--against-source",
        "--secret-key", PushWorld.DEPLOY_KEY, "--json");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("environments").toString()).isEqualTo("[\"review\"]");
    assertThat(report.get("findings").findValuesAsText("name")).containsExactly("API_TOKEN");

    Cli.Result table = world.run("drift", "--repo", repo.toString(), "--against-source",
        "--secret-key", PushWorld.DEPLOY_KEY);
    assertThat(table.code()).as(table.err()).isEqualTo(2);
    assertThat(table.out()).contains("API_TOKEN").doesNotContain(SECRET);
  }

  @Test
  void aTestStageAndAStageWithACoupledAppAreStillDistinct() throws IOException {
    world.heroku.createApp("shop-staging");
    world.heroku.couple("shop", "shop-staging", "staging");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        recipients: [deploy@example.org]
        environments:
          ci:
            sources: [configs/review.env]
            heroku: {pipeline: shop, stage: test}
          staging:
            sources: [configs/review.env]
            heroku: {pipeline: shop, stage: staging}
        """);

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.stageConfig("shop", "test")).containsEntry("API_TOKEN", SECRET);
    assertThat(world.heroku.stageConfig("shop", "review")).isEmpty();
    assertThat(world.heroku.config("shop-staging")).containsEntry("API_TOKEN", SECRET);
    assertThat(world.heroku.count("GET", "/pipelines/shop")).isOne();
  }
}
