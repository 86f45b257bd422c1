package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.manifest.HerokuTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeHerokuExtension.class)
class TargetResolverTest {
  private FakeHeroku heroku;
  private TargetResolver resolver;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    resolver = new TargetResolver(
        HerokuClient.builder().baseUrl(heroku.url()).token(FakeHeroku.DEFAULT_TOKEN).build());
  }

  @Test
  void anAppTargetIsTheAppWithoutAnyRequest() {
    assertThat(resolver.appFor(new HerokuTarget.App("payroll-staging")))
        .isEqualTo("payroll-staging");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void eachStageResolvesToItsCoupledAppAndThePipelineIsReadOnce() {
    heroku.createApp("dash-stg");
    heroku.createApp("dash-prod");
    heroku.createPipeline("dash");
    heroku.couple("dash", "dash-stg", "staging");
    heroku.couple("dash", "dash-prod", "production");

    assertThat(resolver.appFor(new HerokuTarget.PipelineStage("dash", "staging")))
        .isEqualTo("dash-stg");
    assertThat(resolver.appFor(new HerokuTarget.PipelineStage("dash", "production")))
        .isEqualTo("dash-prod");
    assertThat(heroku.count("GET", "/pipelines/")).isEqualTo(2); // the pipeline, its couplings
  }

  @Test
  void anUnknownPipelineIsAnErrorNamingIt() {
    assertThatThrownBy(() -> resolver.appFor(new HerokuTarget.PipelineStage("gone", "staging")))
        .isInstanceOf(EnvshiftException.class)
        .hasMessageContaining("pipeline 'gone' not found");
  }

  @Test
  void aStageWithNoAppListsWhatIsCoupled() {
    heroku.createPipeline("empty");

    assertThatThrownBy(() -> resolver.appFor(new HerokuTarget.PipelineStage("empty", "review")))
        .hasMessage("no app is coupled to stage review of pipeline empty; coupled apps: none");
  }
}
