package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Manifest#select}: the one environment selector every command uses. */
class EnvironmentSelectorTest {
  @TempDir Path repo;
  private Manifest manifest;

  @BeforeEach
  void manifest() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    for (String f : List.of("dev.env", "staging.env", "production.env")) {
      Files.writeString(repo.resolve("configs").resolve(f), "A=1\n");
    }
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          development:
            sources: [configs/dev.env]
            dotenv: .env
          staging:
            sources: [configs/staging.env]
            heroku: {app: payroll-staging}
          production:
            sources: [configs/production.env]
            heroku: {pipeline: payroll, stage: production}
        """);
    manifest = ManifestLoader.load(repo);
  }

  @Test
  void noNameSelectsEveryEnvironmentOrEveryHerokuOneInManifestOrder() {
    assertThat(manifest.select(List.of(), false)).extracting(Environment::name)
        .containsExactly("development", "staging", "production");
    assertThat(manifest.select(List.of(), true)).extracting(Environment::name)
        .containsExactly("staging", "production");
  }

  @Test
  void aNameGivenTwiceIsTakenOnceInTheOrderFirstNamed() {
    assertThat(manifest.select(List.of("production", "staging", "production"), true))
        .extracting(Environment::name).containsExactly("production", "staging");
  }

  @Test
  void anUnknownNameIsAUsageErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> manifest.select(List.of("stagign"), false))
        .isInstanceOfSatisfying(EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(EnvshiftException.USAGE))
        .hasMessageContaining("unknown environment 'stagign'")
        .hasMessageContaining("development, staging, production");
  }

  @Test
  void namingAnEnvironmentWithoutHerokuTargetIsAUsageErrorOnlyWhenATargetIsNeeded() {
    assertThat(manifest.select(List.of("development"), false)).hasSize(1);
    assertThatThrownBy(() -> manifest.select(List.of("development"), true))
        .isInstanceOfSatisfying(EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(EnvshiftException.USAGE))
        .hasMessage("environment development has no heroku target in envshift.yml");
  }
}
