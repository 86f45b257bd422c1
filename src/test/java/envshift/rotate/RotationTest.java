package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.manifest.ManifestLoader;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The rotate use case: nothing written until execute, then the app, the manifest's live:. */
@ExtendWith(FakeHerokuExtension.class)
class RotationTest {
  private static final String APP = "payroll-staging";
  private static final String MANIFEST = """
      version: 1
      # the staging app
      environments:
        staging:
          sources: [configs/staging.env]
          heroku: {app: payroll-staging}
      """;

  @TempDir Path repo;
  private FakeHeroku heroku;
  private final List<String> explained = new ArrayList<>();

  @BeforeEach
  void repoAndApp(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/staging.env"), "SECRET_KEY=old\nSTRIPE_API_KEY=sk\n");
    Files.writeString(repo.resolve("envshift.yml"), MANIFEST);
    heroku.createApp(APP);
    heroku.setConfig(APP, Map.of("SECRET_KEY", "old", "STRIPE_API_KEY", "sk"));
  }

  private Rotation rotation() {
    HerokuClient client = heroku.client();
    return new Rotation(new Workspace(repo, k -> KeyRing.builder().build()), client,
        Optional.empty(), new SecureRandom());
  }

  private static Rotation.Request request(List<String> names, List<String> envs, boolean force) {
    return new Rotation.Request(names, envs, Optional.empty(), false, force, Optional.empty());
  }

  @Test
  void prepareWritesNothingAndExecuteRotatesThenRecordsTheNameAsLive() throws IOException {
    Rotation rotation = rotation();
    Rotation.Ready ready = rotation.prepare(
        request(List.of("SECRET_KEY"), List.of("staging", "staging"), false), explained::add);

    assertThat(ready.app()).isEqualTo(APP);
    assertThat(heroku.config(APP)).containsEntry("SECRET_KEY", "old");
    assertThat(Files.readString(repo.resolve("envshift.yml"))).isEqualTo(MANIFEST);

    Rotation.Result result = rotation.execute(ready);

    assertThat(heroku.config(APP).get("SECRET_KEY")).isNotEqualTo("old").hasSizeGreaterThan(40);
    assertThat(result.rotated().names()).containsExactly("SECRET_KEY");
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("SECRET_KEY");
    assertThat(Files.readString(repo.resolve("envshift.yml"))).contains("# the staging app");
    assertThat(explained).isEmpty();
  }

  @Test
  void anExternalCredentialIsRefusedWithoutForceBeforeAnythingIsWritten() throws IOException {
    assertThatThrownBy(() -> rotation().prepare(
        request(List.of("SECRET_KEY", "STRIPE_API_KEY"), List.of("staging"), false),
        explained::add))
        .isInstanceOf(EnvshiftException.class).hasMessageContaining("--force");

    assertThat(explained).singleElement().asString().startsWith("STRIPE_API_KEY");
    assertThat(heroku.config(APP)).containsEntry("SECRET_KEY", "old");
    assertThat(Files.readString(repo.resolve("envshift.yml"))).isEqualTo(MANIFEST);
  }

  @Test
  void twoDifferentEnvironmentsAreAUsageError() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), MANIFEST + """
          production:
            sources: [configs/staging.env]
            heroku: {app: payroll-production}
        """);

    assertThatThrownBy(() -> rotation().prepare(
        request(List.of("SECRET_KEY"), List.of("staging", "production"), false), explained::add))
        .isInstanceOfSatisfying(EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(EnvshiftException.USAGE));
  }
}
