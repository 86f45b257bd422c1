package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --json} beyond its shape: what it says when things go wrong, and where the rest goes. */
@ExtendWith(FakeHerokuExtension.class)
class JsonOutputTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp("payroll-staging");
    world.heroku.setConfig("payroll-staging", Map.of("OLD_ONLY", "x"));
  }

  @Test
  void applyReportsEachAppWithItsBackupAndLeavesThePlanAndProgressToStderr() throws IOException {
    Cli.Result r = world.apply(PushWorld.DJANGO, "--json");

    assertThat(r.code()).as("production's app does not exist").isEqualTo(1);
    JsonNode doc = MAPPER.readTree(r.out());
    JsonNode staging = doc.get("apps").get(0);
    assertThat(staging.get("status").asText()).isEqualTo("applied");
    assertThat(staging.get("release").asInt())
        .isEqualTo(world.heroku.releases("payroll-staging").get(
            world.heroku.releases("payroll-staging").size() - 1).version());
    assertThat(Path.of(staging.get("backup").asText())).exists()
        .hasParent(home.resolve("backups"));
    assertThat(staging.get("added")).extracting(JsonNode::asText).contains("DJANGO_SECRET_KEY");
    JsonNode production = doc.get("apps").get(1);
    assertThat(production.get("status").asText()).isEqualTo("failed");
    assertThat(production.get("note").asText()).contains("payroll-production");
    assertThat(doc.get("summary").get("failed").asInt()).isOne();
    assertThat(r.out()).doesNotContain("Apply:").doesNotContain("+ DJANGO_SECRET_KEY");
    assertThat(r.err()).contains("envshift: payroll-staging: applied")
        .contains("production → payroll-production");
  }

  @Test
  void cleanupRefusedPrintsTheRefusalAsJsonThenTheErrorOnStderr() throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    world.heroku.createApp("payroll-production");

    Cli.Result r = world.run(world.cli().cwd(repo), "cleanup", "--yes", "--json",
        "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).isOne();
    JsonNode doc = MAPPER.readTree(r.out());
    assertThat(doc.get("verified").asBoolean()).isFalse();
    assertThat(doc.get("removed").asBoolean()).isFalse();
    assertThat(doc.get("refused").get(0).get("name").asText()).isNotEmpty();
    assertThat(r.err()).contains("cleanup refused");
    assertThat(Files.exists(repo.resolve("configs/settings_deployment.staging.py.gpg"))).isTrue();
  }

  @Test
  void pullJsonNeedsAFileBecauseStdoutIsTheDotenv() {
    Cli.Result r = world.run("pull", "--app", "payroll-staging", "--json");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("--json needs --out FILE");
  }
}
