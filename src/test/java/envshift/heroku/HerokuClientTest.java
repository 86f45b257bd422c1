package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.Fault;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeHerokuExtension.class)
class HerokuClientTest {
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp("payroll-staging");
    client = client(FakeHeroku.DEFAULT_TOKEN);
  }

  private HerokuClient client(String token) {
    return HerokuClient.builder().baseUrl(heroku.url()).token(token).userAgentVersion("1.2.3")
        .sleeper(slept::add).build();
  }

  private static Map<String, Optional<Secret>> changes(Object... pairs) {
    Map<String, Optional<Secret>> changes = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      changes.put((String) pairs[i],
          Optional.ofNullable((String) pairs[i + 1]).map(Secret::of));
    }
    return changes;
  }

  @Test
  void configVarsKeepsTheOrderTheApiSent() {
    heroku.setConfig("payroll-staging", Map.of("ZED", "1"));
    heroku.setConfig("payroll-staging", linked("ZED", "1", "ALPHA", "2", "MIDDLE", "3"));

    assertThat(client.configVars("payroll-staging"))
        .containsExactly(Map.entry("ZED", Secret.of("1")), Map.entry("ALPHA", Secret.of("2")),
            Map.entry("MIDDLE", Secret.of("3")));
  }

  @Test
  void patchSetsAndDeletesInOneReleaseAndReturnsTheWholeConfig() {
    heroku.setConfig("payroll-staging", linked("KEEP", "k", "OLD", "o"));
    int before = heroku.releases("payroll-staging").size();

    PatchResult result = client.patchConfigVars("payroll-staging",
        changes("NEW", "line1\nline2", "OLD", null, "EMPTY", ""));

    assertThat(result.recoveredAfterAmbiguousFailure()).isFalse();
    assertThat(result.config()).containsExactly(Map.entry("KEEP", Secret.of("k")),
        Map.entry("NEW", Secret.of("line1\nline2")), Map.entry("EMPTY", Secret.of("")));
    assertThat(heroku.config("payroll-staging")).containsOnlyKeys("KEEP", "NEW", "EMPTY");
    assertThat(heroku.releases("payroll-staging")).hasSize(before + 1);
    assertThat(heroku.count("PATCH", "/apps/payroll-staging/config-vars")).isOne();
  }

  @Test
  void anEmptyPatchSendsNothing() {
    PatchResult result = client.patchConfigVars("payroll-staging", Map.of());

    assertThat(result.config()).isEmpty();
    assertThat(heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void releasesFollowNextRangeAcrossPagesNewestFirst() {
    for (int i = 1; i <= 6; i++) {
      heroku.setConfig("payroll-staging", Map.of("N", Integer.toString(i)));
    }
    heroku.pageSize(2);

    List<Release> releases = client.releases("payroll-staging", 50);

    assertThat(releases).extracting(Release::version).containsExactly(7, 6, 5, 4, 3, 2, 1);
    assertThat(releases.get(0).description()).isEqualTo("Set N config vars");
    assertThat(releases.get(0).status()).isEqualTo("succeeded");
    assertThat(heroku.count("GET", "/apps/payroll-staging/releases")).isEqualTo(4);
    assertThat(heroku.requests().get(0).headers().get("Range"))
        .isEqualTo("version ..; order=desc,max=50");
  }

  @Test
  void releasesStopsOnceItHasAsManyAsAsked() {
    for (int i = 1; i <= 6; i++) {
      heroku.setConfig("payroll-staging", Map.of("N", Integer.toString(i)));
    }
    heroku.pageSize(2);

    assertThat(client.releases("payroll-staging", 3)).extracting(Release::version)
        .containsExactly(7, 6, 5);
    assertThat(heroku.count("GET", "/apps/payroll-staging/releases")).isEqualTo(2);
  }

  @Test
  void latestReleaseAndItsConfig() {
    heroku.setConfig("payroll-staging", Map.of("A", "1"));
    client.patchConfigVars("payroll-staging", changes("A", "2", "B", "3"));

    Release latest = client.latestRelease("payroll-staging");

    assertThat(latest.version()).isEqualTo(3);
    assertThat(latest.description()).isEqualTo("Set A, B config vars");
    assertThat(client.releaseConfigVars("payroll-staging", 2)).containsExactly(
        Map.entry("A", Secret.of("1")));
    assertThat(client.releaseConfigVars("payroll-staging", 3)).containsOnlyKeys("A", "B");
  }

  @Test
  void addonOwnedVarsComeFromTheAttachmentsWithConfigVarsIncluded() {
    heroku.attachAddon("payroll-staging", "postgresql-shaped-12345",
        linked("DATABASE_URL", "postgres://u:p@h/db"));
    heroku.attachAddon("payroll-staging", "heroku-redis-cubic-777",
        linked("REDIS_URL", "redis://h", "REDIS_TLS_URL", "rediss://h"));

    // Lists come sorted by id (random UUIDs here), so the order is the API's, not the test's.
    assertThat(client.addonOwnedVars("payroll-staging")).containsOnly(
        Map.entry("DATABASE_URL", "postgresql-shaped-12345"),
        Map.entry("REDIS_URL", "heroku-redis-cubic-777"),
        Map.entry("REDIS_TLS_URL", "heroku-redis-cubic-777"));
    assertThat(heroku.requests().get(0).headers().get("Accept-Inclusion"))
        .isEqualTo("addon:plan,config_vars");
    assertThat(heroku.count("GET", "/apps/payroll-staging/addons")).isZero();
  }

  @Test
  void appPipelineAndCouplings() {
    String appId = heroku.createApp("payroll-prod");
    String pipelineId = heroku.createPipeline("payroll");
    heroku.couple("payroll", "payroll-staging", "staging");
    heroku.couple("payroll", "payroll-prod", "production");

    assertThat(client.app("payroll-prod")).isEqualTo(new App(appId, "payroll-prod"));
    assertThat(client.app(appId).name()).isEqualTo("payroll-prod");
    Pipeline pipeline = client.pipeline("payroll");
    assertThat(pipeline).isEqualTo(new Pipeline(pipelineId, "payroll"));
    assertThat(client.pipelineCouplings(pipeline.id()))
        .extracting(c -> c.stage() + " " + c.app().name())
        .containsExactlyInAnyOrder("staging payroll-staging", "production payroll-prod");
  }

  @Test
  void aRejectedTokenGivesTheCliHintAndNeverTheToken() {
    String canary = "HRKU-CANARY-7f3a9c2e-5b1d-4e8f-a6c0-d9b2e4f71a35";
    HerokuClient wrong = client(canary);

    assertThatThrownBy(() -> wrong.configVars("payroll-staging"))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("heroku: the API token was rejected (401 "
              + "unauthorized): check HEROKU_API_KEY or ~/.netrc");
          assertThat(e.status()).isEqualTo(401);
          assertThat(e.exitCode()).isEqualTo(1);
        })
        .hasMessageNotContaining(canary);
    assertThat(heroku.count("GET", "/")).as("a 401 is not retried").isOne();
    assertThat(wrong.toString()).doesNotContain(canary);
  }

  @Test
  void anUnknownAppIsNamedInTheMessage() {
    assertThatThrownBy(() -> client.configVars("no-such-app"))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage())
              .isEqualTo("heroku: app 'no-such-app' not found or not accessible (404 not_found)");
          assertThat(e.app()).contains("no-such-app");
          assertThat(e.id()).isEqualTo("not_found");
        });
  }

  @Test
  void anUnknownReleaseIsReportedWithHerokusMessage() {
    assertThatThrownBy(() -> client.releaseConfigVars("payroll-staging", 99))
        .hasMessageStartingWith("heroku: payroll-staging: 404 not_found: Couldn't find that "
            + "release. (request ");
  }

  @Test
  void patchingAnAddonVarIs422WithoutHerokusMessageAndChangesNothing() {
    heroku.attachAddon("payroll-staging", "postgresql-shaped-12345",
        Map.of("DATABASE_URL", "postgres://old"));
    int releases = heroku.releases("payroll-staging").size();

    assertThatThrownBy(() -> client.patchConfigVars("payroll-staging",
        changes("DATABASE_URL", "postgres://new", "OTHER", "x")))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage()).matches("heroku: payroll-staging: 422 invalid_params "
              + "\\(Heroku's message is not shown: the request carried config values\\) "
              + "\\(request [0-9a-f-]{36},[0-9a-f-]{36}\\)");
          assertThat(e.status()).isEqualTo(422);
          assertThat(e.requestId()).isPresent();
        })
        .hasMessageNotContaining("postgres://");
    assertThat(heroku.config("payroll-staging")).doesNotContainKey("OTHER");
    assertThat(heroku.releases("payroll-staging")).hasSize(releases);
    assertThat(heroku.count("PATCH", "/")).isOne();
  }

  @Test
  void otherClientErrorsAreNotRetried() {
    heroku.failNext(Fault.status(403));

    assertThatThrownBy(() -> client.configVars("payroll-staging"))
        .hasMessageStartingWith("heroku: payroll-staging: 403 injected: Injected failure 403.");
    assertThat(heroku.count("GET", "/")).isOne();
    assertThat(slept).isEmpty();
  }

  static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
