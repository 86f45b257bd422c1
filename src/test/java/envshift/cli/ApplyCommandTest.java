package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import envshift.heroku.fake.Fault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift apply} end to end: the django-blackbox fixture (staging → payroll-staging,
 * production → payroll-production) pushed to {@link envshift.heroku.fake.FakeHeroku} through the
 * CLI. Every run is checked for the canary value and the token ({@link PushWorld#assertClean}).
 */
@ExtendWith(FakeHerokuExtension.class)
class ApplyCommandTest {
  private static final String STAGING = "payroll-staging";
  private static final String PRODUCTION = "payroll-production";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
  }

  @Test
  void applyToAFreshAppSetsExactlyTheSourceVarsInOnePatchAndOneRelease() throws IOException {
    world.heroku.createApp(STAGING);

    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.config(STAGING)).isEqualTo(expected("staging"));
    assertThat(world.heroku.count("PATCH", "/apps/")).isEqualTo(1);
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(r.out()).contains("+ DJANGO_SECRET_KEY = <")
        .contains("payroll-staging  applied (v2)")
        .contains("Apply: 1 applied, 0 unchanged, 0 failed");
    assertThat(r.err()).contains("envshift: payroll-staging: applied (v2)");
  }

  @Test
  void applyingAgainSendsNoPatchAndMakesNoRelease() {
    world.heroku.createApp(STAGING);
    world.heroku.createApp(PRODUCTION);
    assertThat(world.apply(PushWorld.DJANGO).code()).isZero();
    world.heroku.clearRequests();

    Cli.Result again = world.apply(PushWorld.DJANGO);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("= 36 unchanged").contains("= 18 unchanged")
        .contains("Nothing to apply.").doesNotContain("applied");
    assertThat(world.heroku.requests()).extracting(FakeRequest::method).containsOnly("GET");
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(world.heroku.releases(PRODUCTION)).hasSize(2);
  }

  @Test
  void anAddonOwnedDatabaseUrlIsNeverSentAndShownAsLeftAlone() {
    world.heroku.createApp(STAGING);
    world.heroku.attachAddon(STAGING, "postgresql-shaped-12345",
        Map.of("DATABASE_URL", "postgres://addon-owned"));

    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("! DATABASE_URL owned by add-on postgresql-shaped-12345, left alone")
        .doesNotContain("+ DATABASE_URL ");
    assertThat(world.heroku.config(STAGING)).containsEntry("DATABASE_URL", "postgres://addon-owned")
        .containsKey("DATABASE_REPORTING_URL");
    assertThat(world.heroku.releases(STAGING).get(2).description()).doesNotContain("DATABASE_URL");
  }

  @Test
  void a503OnReadsAndOnThePatchIsRetriedAndStillMakesOneRelease() {
    world.heroku.createApp(STAGING);
    world.heroku.failNext("GET", Fault.status(503));
    world.heroku.failNext("PATCH", Fault.status(503));

    // a 503 may come from a router that gave up while the API goes on: watched, then resent
    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging", "--patch-settle", "1");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("payroll-staging  applied (v2)");
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(world.heroku.requests()).extracting(FakeRequest::status).contains(503);
  }

  @Test
  void aPatchAppliedThenCutOffIsNotSentAgainSoThereIsStillOneRelease() {
    world.heroku.createApp(STAGING);
    world.heroku.failNext("PATCH", Fault.applyThenDrop());

    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("payroll-staging  applied (v2)");
    assertThat(world.heroku.count("PATCH", "/")).isEqualTo(1);
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(world.heroku.config(STAGING)).isEqualTo(expected("staging"));
  }

  @Test
  void a429WithAndWithoutRetryAfterIsWaitedOut() {
    world.heroku.createApp(STAGING);
    world.heroku.failNext("GET", Fault.status(429, 1));
    world.heroku.failNext("PATCH", Fault.status(429));

    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.config(STAGING)).isEqualTo(expected("staging"));
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(world.heroku.requests()).extracting(FakeRequest::status).contains(429);
  }

  @Test
  void aWrongTokenFailsWithOneClearLineExit1AndTheTokenIsNeverEchoed() {
    world.heroku.createApp(STAGING);
    world.heroku.token("HRKU-the-other-token");

    Cli.Result r = world.apply(PushWorld.DJANGO, "--debug");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("the API token was rejected (401 unauthorized)")
        .contains("HEROKU_API_KEY");
    assertThat(r.out()).doesNotContain("applied");
    assertThat(world.heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void anUnknownAppFailsThatAppOnlyAndExits1WithASummary() {
    world.heroku.createApp(STAGING);

    Cli.Result r = world.apply(PushWorld.DJANGO);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("payroll-staging     applied (v2)")
        .contains("payroll-production  failed: heroku: app 'payroll-production' not found")
        .contains("Apply: 1 applied, 0 unchanged, 1 failed");
    assertThat(world.heroku.config(STAGING)).isEqualTo(expected("staging"));
  }

  @Test
  void aConfigChangedBetweenPlanAndApplyStopsThatAppAndARerunConverges() {
    world.heroku.createApp(STAGING);
    AtomicInteger reads = new AtomicInteger();
    world.heroku.onRequest((method, path) -> {
      // The second read is the re-check before writing: someone else changes the app first.
      if (method.equals("GET") && path.equals("/apps/payroll-staging/config-vars")
          && reads.incrementAndGet() == 2) {
        world.heroku.setConfig(STAGING, Map.of("SET_BY_SOMEONE_ELSE", "1"));
      }
    });

    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("payroll-staging  failed: config changed on Heroku since the plan "
        + "(SET_BY_SOMEONE_ELSE); nothing written");
    assertThat(world.heroku.count("PATCH", "/")).isZero();

    Cli.Result again = world.apply(PushWorld.DJANGO, "--env", "staging");
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(world.heroku.config(STAGING)).containsEntry("SET_BY_SOMEONE_ELSE", "1")
        .containsAllEntriesOf(expected("staging"));
  }

  @Test
  void withoutATerminalApplyNeedsYesAndMakesNoRequest() {
    world.heroku.createApp(STAGING);

    Cli.Result r = world.run("apply", "--repo", PushWorld.DJANGO, "--no-backup",
        "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("pass --yes");
    assertThat(world.heroku.requests()).isEmpty();
  }

  @Test
  void aFailedPatchOnOneAppDoesNotStopTheOthersAndARerunWritesOnlyThatApp() {
    world.heroku.createApp(STAGING);
    world.heroku.createApp(PRODUCTION);
    world.heroku.failNext("PATCH", "/apps/payroll-production/", Fault.status(403));

    Cli.Result r = world.apply(PushWorld.DJANGO);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("payroll-staging     applied (v2)")
        .contains("payroll-production  failed: heroku: payroll-production: 403 injected")
        .contains("Apply: 1 applied, 0 unchanged, 1 failed");
    assertThat(world.heroku.releases(PRODUCTION)).hasSize(1);

    Cli.Result again = world.apply(PushWorld.DJANGO);

    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("payroll-staging     unchanged")
        .contains("payroll-production  applied (v2)");
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(world.heroku.config(PRODUCTION)).isEqualTo(expected("production"));
  }

  @Test
  void pruneDeletesLiveOnlyVarsInTheSamePatchButNeverAddonVars() {
    world.heroku.createApp(PRODUCTION);
    world.heroku.setConfig(PRODUCTION, Map.of("OLD_FLAG", "1", "DEBUG", "True"));
    world.heroku.attachAddon(PRODUCTION, "heroku-redis-shaped-1", Map.of("REDIS_URL", "redis://x"));

    Cli.Result kept = world.plan(PushWorld.DJANGO, "--env", "production");
    assertThat(kept.out()).contains("OLD_FLAG kept (live only; --prune would delete it)")
        .contains("! REDIS_URL owned by add-on heroku-redis-shaped-1, left alone");

    int before = world.heroku.releases(PRODUCTION).size();
    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "production", "--prune");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("- OLD_FLAG").contains("~ DEBUG: <4 chars> → <5 chars>");
    Map<String, String> want = new LinkedHashMap<>(expected("production"));
    want.put("REDIS_URL", "redis://x");
    assertThat(world.heroku.config(PRODUCTION)).isEqualTo(want);
    assertThat(world.heroku.releases(PRODUCTION)).hasSize(before + 1);
    assertThat(world.heroku.releases(PRODUCTION).get(before).description())
        .contains("remove OLD_FLAG");
  }

  @Test
  void withNoRecipientKnownForTheBackupApplyNeedsNoBackupAndWritesNothing() {
    world.heroku.createApp("timeline-production");
    String flask = Cli.fixture("repos/flask-symmetric");
    String passphrase = Cli.fixture("keys/flask.passphrase");

    Cli.Result refused = world.run("apply", "--repo", flask, "--passphrase-file", passphrase,
        "--yes");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("no recipients known").contains("pass --no-backup");
    assertThat(world.heroku.count("PATCH", "/")).isZero();

    Cli.Result r = world.run("apply", "--repo", flask, "--passphrase-file", passphrase, "--yes",
        "--no-backup");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("timeline-production  applied (v2)");
  }

  private static Map<String, String> expected(String env) {
    try {
      JsonNode node = JSON.readTree(Cli.FIXTURES.resolve(
          "repos/django-blackbox/expected/" + env + ".json").toFile());
      Map<String, String> vars = new LinkedHashMap<>();
      node.properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
      return vars;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
