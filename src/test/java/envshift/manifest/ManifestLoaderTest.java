package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Origin;
import envshift.mapping.MappingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  private static final String FULL = """
      version: 1
      recipients: [deploy@example.org, 0x1234ABCD]
      environments:
        development:
          sources: [configs/local_settings.example.py]
          dotenv: .env
        staging:
          sources: [configs/settings_deployment.staging.py.gpg]
          heroku: {app: payroll-staging}
        production:
          sources:
            - configs/settings_deployment.production.py.gpg
            - configs/extra.env.gpg
          heroku: {pipeline: payroll, stage: production}
          dotenv: backups/.env.production.gpg
      rename: {SECRET_KEY: DJANGO_SECRET_KEY, DEBUG: DJANGO_DEBUG}
      drop: [STATIC_ROOT]
      secrets: ['*KEY*', '*SECRET*']
      same: [SENTRY_DSN]
      env_specific: [DJANGO_DEBUG]
      """;

  @TempDir Path repo;

  @BeforeEach
  void sources() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    for (String f : List.of("local_settings.example.py", "settings_deployment.staging.py.gpg",
        "settings_deployment.production.py.gpg", "extra.env.gpg")) {
      Files.writeString(repo.resolve("configs").resolve(f), "x");
    }
  }

  private Manifest parse(String yaml) {
    return ManifestLoader.parse(yaml, "envshift.yml", repo);
  }

  @Test
  void fullManifestIsReadCompletely() {
    Manifest m = parse(FULL);

    assertThat(m.version()).isEqualTo(1);
    assertThat(m.file()).isEqualTo("envshift.yml");
    assertThat(m.recipients()).containsExactly("deploy@example.org", "0x1234ABCD");
    assertThat(m.environments()).extracting(Environment::name)
        .containsExactly("development", "staging", "production");
    assertThat(m.environment("development")).isEqualTo(new Environment("development",
        List.of(new Source("configs/local_settings.example.py", new Origin("envshift.yml", 5))),
        Optional.of(".env"), Optional.empty(), new Origin("envshift.yml", 4)));
    assertThat(m.environment("staging").heroku())
        .contains(new HerokuTarget.App("payroll-staging"));
    Environment prod = m.environment("production");
    assertThat(prod.sources()).containsExactly(
        new Source("configs/settings_deployment.production.py.gpg", new Origin("envshift.yml", 12)),
        new Source("configs/extra.env.gpg", new Origin("envshift.yml", 13)));
    assertThat(prod.heroku()).contains(new HerokuTarget.PipelineStage("payroll", "production"));
    assertThat(prod.dotenv()).contains("backups/.env.production.gpg");
    assertThat(m.rules()).isEqualTo(new MappingRules(
        Map.of("SECRET_KEY", "DJANGO_SECRET_KEY", "DEBUG", "DJANGO_DEBUG"), Set.of("STATIC_ROOT")));
    assertThat(m.rules().rename().keySet()).containsExactly("SECRET_KEY", "DEBUG");
    assertThat(m.secretPatterns()).containsExactly("*KEY*", "*SECRET*");
    assertThat(m.same()).containsExactly("SENTRY_DSN");
    assertThat(m.envSpecific()).containsExactly("DJANGO_DEBUG");
  }

  @Test
  void optionalKeysHaveDefaults() {
    Manifest m = parse("""
        version: 1
        environments:
          staging:
            sources: [configs/settings_deployment.staging.py.gpg]
            heroku:
              app: payroll-staging
        rename:
        """);

    assertThat(m.recipients()).isEmpty();
    assertThat(m.rules()).isEqualTo(MappingRules.NONE);
    assertThat(m.secretPatterns())
        .containsExactly("*KEY*", "*SECRET*", "*PASSWORD*", "*TOKEN*", "*PASS*", "*DSN*");
    assertThat(m.same()).isEmpty();
    assertThat(m.envSpecific()).isEmpty();
    assertThat(m.environment("staging").dotenv()).isEmpty();
  }

  @Test
  void unknownEnvironmentIsAUsageErrorListingTheKnownOnes() {
    Manifest m = parse(FULL);

    assertThatThrownBy(() -> m.environment("prod"))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("unknown environment 'prod' (known in envshift.yml: development, staging, "
            + "production)")
        .extracting(e -> ((EnvshiftException) e).exitCode()).isEqualTo(64);
  }

  @Test
  void loadReadsEnvshiftYmlAtTheRepoRoot() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), "\uFEFF" + FULL);

    assertThat(ManifestLoader.load(repo).environments()).hasSize(3);
  }

  @Test
  void missingManifestSaysRunInit() {
    assertThatThrownBy(() -> ManifestLoader.load(repo))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("envshift.yml: not found in ")
        .hasMessageEndingWith("(run `envshift init` to create it)")
        .extracting(e -> ((EnvshiftException) e).exitCode()).isEqualTo(1);
  }

  @Test
  void symlinkToOutsideTheRepoIsRefused(@TempDir Path outside) throws IOException {
    Path secret = Files.writeString(outside.resolve("id_rsa"), "x");
    Files.createSymbolicLink(repo.resolve("configs/link.py"), secret);

    assertThatThrownBy(() -> parse("""
            version: 1
            environments:
              dev:
                sources: [configs/link.py]
            """))
        .hasMessage("envshift.yml:4: source configs/link.py is a link to outside the repository");
  }

  @Test
  void aManifestThatIsNotUtf8IsRefusedNamingTheLine() throws IOException {
    byte[] latin1 = {'v', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', '1', '\n', '#', ' ', (byte) 0xE9};
    Files.write(repo.resolve(ManifestLoader.FILE_NAME), latin1);

    assertThatThrownBy(() -> ManifestLoader.load(repo))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:2: not UTF-8 text");
  }
}
