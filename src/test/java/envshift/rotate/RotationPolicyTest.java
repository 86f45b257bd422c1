package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Origin;
import envshift.manifest.Environment;
import envshift.manifest.HerokuTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {
  private static Environment env(String name, HerokuTarget target) {
    return new Environment(name, List.of(), Optional.empty(), Optional.of(target),
        new Origin("envshift.yml", 3));
  }

  @Test
  void anEnvironmentNamedProdOrProductionIsRefusedInAnyCase() {
    for (String name : List.of("production", "prod", "Production", "PROD")) {
      assertThatThrownBy(() -> RotationPolicy.checkEnvironment(
          env(name, new HerokuTarget.App("payroll-live")), false))
          .isInstanceOf(RotationException.class)
          .hasMessageContaining(name).hasMessageContaining("--allow-production");
    }
  }

  @Test
  void thePipelinesProductionStageIsRefusedWhateverTheEnvironmentIsCalled() {
    Environment live = env("live", new HerokuTarget.PipelineStage("assets", "production"));

    assertThatThrownBy(() -> RotationPolicy.checkEnvironment(live, false))
        .hasMessageContaining("production stage of pipeline assets")
        .hasMessageContaining("--allow-production");
    assertThatCode(() -> RotationPolicy.checkEnvironment(live, true)).doesNotThrowAnyException();
  }

  @Test
  void stagingPassesAndAnEnvironmentWithoutAnAppIsAUsageError() {
    assertThatCode(() -> RotationPolicy.checkEnvironment(
        env("staging", new HerokuTarget.PipelineStage("assets", "staging")), false))
        .doesNotThrowAnyException();
    Environment dev = new Environment("development", List.of(), Optional.of(".env"),
        Optional.empty(), new Origin("envshift.yml", 3));

    assertThatThrownBy(() -> RotationPolicy.checkEnvironment(dev, true))
        .isInstanceOf(EnvshiftException.class).hasMessageContaining("no heroku target")
        .satisfies(e -> assertThat(((EnvshiftException) e).exitCode()).isEqualTo(64));
  }

  @Test
  void aNameGivenTwiceOrNotAConfigVarNameIsAUsageError() {
    assertThatThrownBy(() -> RotationPolicy.checkNames(List.of("A_KEY", "A_KEY")))
        .hasMessageContaining("A_KEY is given twice");
    assertThatThrownBy(() -> RotationPolicy.checkNames(List.of("MY-KEY")))
        .hasMessageContaining("MY-KEY").hasMessageContaining("not a config var name");
  }

  @Test
  void addonHintsNameTheAddonsOwnRotation() {
    assertThat(RotationPolicy.addonHint("app", "REDIS_URL", "redis-shallow-123"))
        .contains("heroku redis:credentials REDIS_URL --reset --app app");
    assertThat(RotationPolicy.addonHint("app", "SENDGRID_PASSWORD", "sendgrid-flat-1"))
        .contains("heroku addons:docs sendgrid-flat-1");
  }
}
