package envshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.heroku.HerokuApiException;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import envshift.heroku.fake.Fault;
import envshift.plan.AppConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeHerokuExtension.class)
class LiveConfigsTest {
  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    client = heroku.client();
  }

  @Test
  void readGivesEachAppItsConfigAndAddonVarsInTheOrderAsked() {
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    heroku.setConfig("payroll-staging", Map.of("DEBUG", "True"));
    heroku.setConfig("payroll-production", Map.of("DEBUG", "False"));
    heroku.attachAddon("payroll-production", "heroku-postgresql",
        Map.of("DATABASE_URL", "postgres://u:p@h/d"));

    List<AppConfig> read = new LiveConfigs(client, 4).read(List.of(
        new AppRef("production", "payroll-production"), new AppRef("staging", "payroll-staging")));

    assertThat(read).extracting(AppConfig::label, AppConfig::app).containsExactly(
        tuple("production", "payroll-production"),
        tuple("staging", "payroll-staging"));
    assertThat(read.get(0).vars()).containsEntry("DEBUG", Secret.of("False"))
        .containsEntry("DATABASE_URL", Secret.of("postgres://u:p@h/d"));
    assertThat(read.get(0).addonOwned()).containsExactly(
        Map.entry("DATABASE_URL", "heroku-postgresql"));
    assertThat(read.get(1).addonOwned()).isEmpty();
  }

  @Test
  void aLabelListedTwiceIsAUsageErrorBeforeAnyRequest() {
    assertThatThrownBy(() -> new LiveConfigs(client, 4).read(List.of(
        new AppRef("a", "a"), new AppRef("a", "a"))))
        .isInstanceOfSatisfying(EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(EnvshiftException.USAGE))
        .hasMessage("drift: 'a' is listed twice");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void aFailingAppFailsTheReadWithTheApiMessage() {
    heroku.createApp("payroll-staging");

    assertThatThrownBy(() -> new LiveConfigs(client, 4).read(List.of(
        new AppRef("staging", "payroll-staging"), new AppRef("gone", "payroll-gone"))))
        .isInstanceOf(HerokuApiException.class)
        .hasMessageContaining("payroll-gone");
  }

  @Test
  void aPipelineIsReadByAppIdWithOneNameLookupForAllApps() {
    pipeline("payroll", "staging", "production", "development");

    List<AppConfig> read = new LiveConfigs(client, 8).readPipeline("payroll", false);

    assertThat(read).extracting(AppConfig::label)
        .containsExactly("development", "staging", "production");
    assertThat(read).extracting(AppConfig::app)
        .containsExactly("payroll-development", "payroll-staging", "payroll-production");
    assertThat(read.get(2).vars()).containsEntry("STAGE", Secret.of("production"));
    assertThat(appLookups()).as("no GET /apps/{id} per app").isEmpty();
    assertThat(heroku.count("POST", "/filters/apps")).isOne();
    assertThat(heroku.requests()).hasSize(2 + 1 + 2 * 3);
  }

  @Test
  void reviewAndTestAppsAreLeftOutUnlessIncluded() {
    pipeline("payroll", "production", "staging");
    coupled("payroll", "payroll-pr-2", "review");
    coupled("payroll", "payroll-pr-1", "review");
    coupled("payroll", "payroll-ci", "test");

    List<AppConfig> without = new LiveConfigs(client, 8).readPipeline("payroll", false);
    heroku.clearRequests();
    List<AppConfig> with = new LiveConfigs(client, 8).readPipeline("payroll", true);

    assertThat(without).extracting(AppConfig::label).containsExactly("staging", "production");
    assertThat(with).extracting(AppConfig::label).containsExactly("test", "review:payroll-pr-1",
        "review:payroll-pr-2", "staging", "production");
    assertThat(with.get(1).app()).isEqualTo("payroll-pr-1");
  }

  @Test
  void aPipelineOfReviewAppsOnlySaysHowToIncludeThem() {
    heroku.createPipeline("payroll");
    coupled("payroll", "payroll-pr-1", "review");

    assertThatThrownBy(() -> new LiveConfigs(client, 8).readPipeline("payroll", false))
        .isInstanceOf(AuditException.class)
        .hasMessage("pipeline payroll: no app to compare (only review or test apps are coupled;"
            + " add --include-review)");
  }

  @Test
  void whenTheFilterIsRefusedNamesAreLookedUpOneByOne() {
    pipeline("payroll", "staging", "production");
    heroku.failNext("POST", Fault.status(422));

    List<AppConfig> read = new LiveConfigs(client, 8).readPipeline("payroll", false);

    assertThat(read).extracting(AppConfig::app)
        .containsExactly("payroll-staging", "payroll-production");
    assertThat(appLookups()).hasSize(2);
  }

  @Test
  void aRejectedTokenIsNotRetriedAppByApp() {
    pipeline("payroll", "staging", "production");
    heroku.token("another-token");

    assertThatThrownBy(() -> new LiveConfigs(client, 8).readPipeline("payroll", false))
        .isInstanceOfSatisfying(HerokuApiException.class,
            e -> assertThat(e.status()).isEqualTo(401));
    assertThat(heroku.requests()).hasSize(1);
  }

  /** A pipeline with one app per stage, each app holding STAGE=stage. */
  private void pipeline(String name, String... stages) {
    heroku.createPipeline(name);
    for (String stage : stages) {
      coupled(name, name + "-" + stage, stage);
      heroku.setConfig(name + "-" + stage, Map.of("STAGE", stage));
    }
  }

  private void coupled(String pipeline, String app, String stage) {
    heroku.createApp(app);
    heroku.couple(pipeline, app, stage);
  }

  private List<FakeRequest> appLookups() {
    return heroku.requests().stream()
        .filter(r -> r.method().equals("GET") && r.path().matches("/apps/[^/]+"))
        .toList();
  }
}
