package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pipeline couplings without per-app lookups, and app names for many ids in one request. */
@ExtendWith(FakeHerokuExtension.class)
class HerokuClientFiltersTest {
  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    client = HerokuClient.builder().baseUrl(heroku.url()).token(FakeHeroku.DEFAULT_TOKEN).build();
  }

  @Test
  void couplingIdsCostOneRequestWhateverTheNumberOfApps() {
    String pipeline = heroku.createPipeline("payroll");
    String staging = heroku.createApp("payroll-staging");
    String production = heroku.createApp("payroll-production");
    heroku.couple("payroll", staging, "staging");
    heroku.couple("payroll", production, "production");

    assertThat(client.pipelineCouplingIds(pipeline)).containsExactlyInAnyOrder(
        new CoupledApp("staging", staging), new CoupledApp("production", production));
    assertThat(heroku.requests()).hasSize(1);
  }

  @Test
  void appsByIdNamesEveryKnownIdInOnePostWithTheFiltersVariant() {
    String staging = heroku.createApp("payroll-staging");
    String production = heroku.createApp("payroll-production");

    List<App> apps = client.appsById(List.of(production, staging,
        "00000000-0000-4000-8000-000000000000"));

    assertThat(apps).containsExactlyInAnyOrder(new App(staging, "payroll-staging"),
        new App(production, "payroll-production"));
    assertThat(heroku.requests()).hasSize(1);
    FakeRequest post = heroku.requests().get(0);
    assertThat(post.method() + " " + post.path()).isEqualTo("POST /filters/apps");
    assertThat(post.headers().get("Accept"))
        .isEqualTo("application/vnd.heroku+json; version=3.filters");
  }

  @Test
  void appsByIdOfNothingSendsNothing() {
    assertThat(client.appsById(List.of())).isEmpty();
    assertThat(heroku.requests()).isEmpty();
  }
}
