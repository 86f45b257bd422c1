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

    assertThatThrownBy(() -> resolver.appFor(new HerokuTarget.PipelineStage("empty", "staging")))
        .hasMessage("no app is coupled to stage staging of pipeline empty; coupled apps: none");
  }

  @Test
  void reviewAndTestStagesAreThePipelineStageVarsEvenWithAnAppCoupledThere() {
    heroku.createPipeline("dash");
    heroku.createApp("dash-pr-1");
    heroku.couple("dash", "dash-pr-1", "review");

    Destination review = resolver.resolve(new HerokuTarget.PipelineStage("dash", "review"));
    Destination test = resolver.resolve(new HerokuTarget.PipelineStage("dash", "test"));

    assertThat(review.label()).isEqualTo("pipeline dash (review)");
    assertThat(test.label()).isEqualTo("pipeline dash (test)");
    assertThat(heroku.count("GET", "/pipelines/dash")).isOne();
    assertThatThrownBy(() -> resolver.appFor("ci", new HerokuTarget.PipelineStage("dash", "test")))
        .hasMessage("environment ci: stage test of pipeline dash is the pipeline's test config"
            + " vars, not an app");
  }
}
