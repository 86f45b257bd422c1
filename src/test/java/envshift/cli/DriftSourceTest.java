package envshift.cli;

import static envshift.cli.DriftCommandTest.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift drift} on pipelines and on manifest environments, including
 * {@code --against-source} with the encrypted fixture repos.
 */
@ExtendWith(FakeHerokuExtension.class)
class DriftSourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private FakeHeroku heroku;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
  }

  @Test
  void aPipelineIsComparedByStageWithReviewAppsOnlyWhenIncluded(@TempDir Path empty) {
    heroku.createPipeline("payroll");
    couple("payroll", "payroll-production", "production", config("SECRET_KEY", "p"));
    couple("payroll", "payroll-staging", "staging", config("SECRET_KEY", "s"));
    couple("payroll", "payroll-pr-7", "review", config("SECRET_KEY", "s", "PR", "7"));

    Cli.Result without = cli().cwd(empty).run("drift", "--pipeline", "payroll", "--json",
        "--api-url", heroku.url());
    Cli.Result with = cli().cwd(empty).run("drift", "--pipeline", "payroll", "--include-review",
        "--json", "--api-url", heroku.url());

    assertThat(without.code()).as(without.err()).isZero();
    assertThat(without.out()).isEqualTo("{\"environments\":[\"staging\",\"production\"],"
        + "\"findings\":[],\"addon_owned\":[]}\n");
    assertThat(with.code()).as(with.err()).isEqualTo(2);
    assertThat(with.out()).isEqualTo("{\"environments\":[\"review\",\"staging\",\"production\"],"
        + "\"findings\":[{\"name\":\"PR\",\"kind\":\"missing\","
        + "\"envs\":[\"staging\",\"production\"]},"
        + "{\"name\":\"SECRET_KEY\",\"kind\":\"same-secret\",\"envs\":[\"review\",\"staging\"]}],"
        + "\"addon_owned\":[]}\n");
  }

  @Test
  void anUnknownPipelineExitsOneWithOneLine() {
    Cli.Result r = cli().run("drift", "--pipeline", "nope", "--api-url", heroku.url());

    assertThat(r.code()).isOne();
    assertThat(r.err()).isEqualTo(
        "envshift: heroku: pipeline 'nope' not found or not accessible (404 not_found)\n");
  }

  @Test
  void manifestEnvironmentsOnPipelineStagesAreComparedWithEachOtherAndMatchTheirSources()
      throws IOException {
    heroku.createPipeline("asset-dashboard");
    couple("asset-dashboard", "asset-staging", "staging", expected("dotenv-envs", "staging"));
    couple("asset-dashboard", "asset-production", "production",
        expected("dotenv-envs", "production"));

    Cli.Result r = cli().run("drift", "--repo", Cli.fixture("repos/dotenv-envs"),
        "--against-source", "--secret-key", Cli.fixture("keys/deploy-rsa.asc"), "--json",
        "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("environments").toString()).isEqualTo("[\"staging\",\"production\"]");
    assertThat(report.get("findings").findValuesAsText("kind")).containsOnly("missing");
    assertThat(findings(report, "missing")).containsExactly("ANALYTICS_ID", "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY", "EMAIL_HOST_PASSWORD", "GREETING", "HOMEPAGE_URL", "LAST_ONE",
        "SENTRY_DSN", "SIGNING_KEY", "SITE_TITLE");
    assertThat(r.both()).doesNotContain(Cli.CANARY);
  }

  private static List<String> findings(JsonNode report, String kind) {
    List<String> names = new ArrayList<>();
    report.get("findings").forEach(f -> {
      if (f.get("kind").asText().equals(kind)) {
        names.add(f.get("name").asText());
      }
    });
    return names;
  }

  @Test
  void liveEqualToTheSourceHasNoFindings() throws IOException {
    heroku.createApp("payroll-staging");
    heroku.setConfig("payroll-staging", expected("django-blackbox", "staging"));
    heroku.attachAddon("payroll-staging", "papertrail-1", Map.of("PAPERTRAIL_API_TOKEN", "t"));

    Cli.Result r = againstSource();

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("{\"environments\":[\"staging\"],\"findings\":[],"
        + "\"addon_owned\":[{\"name\":\"PAPERTRAIL_API_TOKEN\",\"addon\":\"papertrail-1\","
        + "\"envs\":[\"staging\"]}]}\n");
    assertThat(r.both()).doesNotContain(Cli.CANARY);
  }

  @Test
  void aChangedLiveValueAnAddedAndARemovedVariableAreReported() throws IOException {
    heroku.createApp("payroll-staging");
    Map<String, String> live = expected("django-blackbox", "staging");
    live.put("EMAIL_HOST_PASSWORD", "changed-by-hand");
    live.put("HOTFIX_FLAG", "1");
    live.remove("DEBUG");
    heroku.setConfig("payroll-staging", live);

    Cli.Result r = againstSource();

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEqualTo("{\"environments\":[\"staging\"],\"findings\":["
        + "{\"name\":\"DEBUG\",\"kind\":\"removed\",\"envs\":[\"staging\"]},"
        + "{\"name\":\"EMAIL_HOST_PASSWORD\",\"kind\":\"changed\",\"envs\":[\"staging\"]},"
        + "{\"name\":\"HOTFIX_FLAG\",\"kind\":\"added\",\"envs\":[\"staging\"]}],"
        + "\"addon_owned\":[]}\n");
    assertThat(r.both()).doesNotContain(Cli.CANARY).doesNotContain("changed-by-hand");
  }

  @Test
  void aSourceThatCannotBeDecryptedFailsBeforeAnyRequest() {
    heroku.createApp("payroll-staging");

    Cli.Result r = cli().run("drift", "--repo", Cli.fixture("repos/django-blackbox"),
        "--env", "staging", "--against-source",
        "--secret-key", Cli.fixture("keys/outsider-rsa.asc"),
        "--api-url", heroku.url());

    assertThat(r.code()).isOne();
    assertThat(r.err()).hasLineCount(1).doesNotContain(Cli.CANARY);
    assertThat(heroku.requests()).isEmpty();
  }

  private Cli.Result againstSource() {
    return cli().run("drift", "--repo", Cli.fixture("repos/django-blackbox"), "--env", "staging",
        "--against-source", "--secret-key", Cli.fixture("keys/deploy-rsa.asc"), "--json",
        "--api-url", heroku.url());
  }

  private void couple(String pipeline, String app, String stage, Map<String, String> config) {
    heroku.createApp(app);
    heroku.setConfig(app, config);
    heroku.couple(pipeline, app, stage);
  }

  private static Map<String, String> expected(String repo, String env) throws IOException {
    JsonNode node = JSON.readTree(
        Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile());
    Map<String, String> config = new LinkedHashMap<>();
    node.properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
    return config;
  }

  private Cli cli() {
    return new Cli(home).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN);
  }
}
