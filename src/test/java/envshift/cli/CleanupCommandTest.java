package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift cleanup} end to end on the fake Platform API, over copies of fixture repos. */
@ExtendWith(FakeHerokuExtension.class)
class CleanupCommandTest {
  private static final String STAGING_PY = "configs/settings_deployment.staging.py.gpg";
  private static final String PRODUCTION_PY = "configs/settings_deployment.production.py.gpg";

  @TempDir Path tmp;
  private FakeHeroku heroku;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
  }

  private Cli.Result run(Path repo, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--api-url", heroku.url(),
        "--secret-key", Cli.fixture("keys/deploy-rsa.asc"),
        "--passphrase-file", Cli.fixture("keys/flask.passphrase")));
    return new Cli(tmp.resolve("home")).cwd(repo).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN)
        .run(all.toArray(String[]::new));
  }

  private Path gitCheckout(String name) {
    Path repo = RepoCopy.of(name, tmp);
    RepoCopy.git(repo, "init", "--quiet");
    RepoCopy.git(repo, "add", "--all");
    RepoCopy.git(repo, "commit", "--quiet", "-m", "legacy");
    return repo;
  }

  @Test
  void refusesWhileOneVariableIsNotLiveThenRemovesTheMigratedFilesWithGitRmAfterApply()
      throws IOException {
    Path repo = gitCheckout("django-blackbox");
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    Map<String, String> staging = RepoCopy.expected("django-blackbox", "staging");
    staging.remove("EMAIL_HOST_PASSWORD");
    heroku.setConfig("payroll-staging", staging);
    heroku.setConfig("payroll-production", RepoCopy.expected("django-blackbox", "production"));

    Cli.Result refused = run(repo, "cleanup", "--yes");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("Not verified (nothing was removed):")
        .contains("staging: EMAIL_HOST_PASSWORD: not live on payroll-staging");
    assertThat(refused.out().lines().filter(l -> l.startsWith("  "))).hasSize(1);
    assertThat(refused.err()).contains("cleanup refused: 1 variable(s) not verified live");
    assertThat(RepoCopy.git(repo, "status", "--porcelain")).isEmpty();
    assertThat(refused.both()).doesNotContain(Cli.CANARY);

    Cli.Result applied = run(repo, "apply", "--yes", "--no-backup");
    assertThat(applied.code()).as(applied.both()).isZero();
    Cli.Result r = run(repo, "cleanup", "--yes");

    assertThat(r.code()).as(r.both()).isZero();
    assertThat(repo.resolve(STAGING_PY)).doesNotExist();
    assertThat(repo.resolve(PRODUCTION_PY)).doesNotExist();
    assertThat(RepoCopy.git(repo, "status", "--porcelain").lines().sorted().toList())
        .containsExactly("D  " + PRODUCTION_PY, "D  " + STAGING_PY, "M  .gitignore",
            "M  envshift.yml", "M  keyrings/live/blackbox-files.txt");
    // The manifest still loads: the migrated environments now have no sources.
    assertThat(run(repo, "plan", "--env", "staging").code()).isZero();
    assertThat(Files.readString(repo.resolve("keyrings/live/blackbox-files.txt")))
        .isEqualTo("configs/nginx.staging.conf\nscripts/after_install.sh\n");
    assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo(
        "/keyrings/live/pubring.gpg~\n/keyrings/live/pubring.kbx~\n/keyrings/live/secring.gpg\n"
            + "keyrings/live/.gpg-v21-migrated\n/configs/nginx.staging.conf\n"
            + "/scripts/after_install.sh\n");
    assertThat(repo.resolve("configs/nginx.staging.conf.gpg")).exists();
    assertThat(repo.resolve("configs/local_settings.example.py")).exists();
    assertThat(r.out()).contains("removed " + STAGING_PY + " (git rm)")
        .contains("Left for a human (encrypted, read by no environment):\n"
            + "  configs/nginx.staging.conf.gpg\n  scripts/after_install.sh.gpg\n");
    assertThat(r.both()).doesNotContain(Cli.CANARY);
  }

  @Test
  void aLiveValueThatDiffersFromTheFileIsNotVerifiedAndNothingIsDeleted() {
    Path repo = RepoCopy.of("django-blackbox", tmp);
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    heroku.setConfig("payroll-staging", RepoCopy.expected("django-blackbox", "staging"));
    Map<String, String> production = RepoCopy.expected("django-blackbox", "production");
    production.put("DJANGO_SECRET_KEY", "changed-by-hand");
    heroku.setConfig("payroll-production", production);

    Cli.Result r = run(repo, "cleanup", "--yes");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains(
        "production: DJANGO_SECRET_KEY: live on payroll-production with a different value");
    assertThat(r.both()).doesNotContain("changed-by-hand").doesNotContain(Cli.CANARY);
    assertThat(repo.resolve(STAGING_PY)).exists();
    assertThat(repo.resolve(PRODUCTION_PY)).exists();
    assertThat(heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void withoutGitTheFilesAreDeletedAndTheDevelopmentSourceAndAddonVarsAreLeftAlone()
      throws IOException {
    Path repo = RepoCopy.of("dotenv-envs", tmp);
    heroku.createPipeline("asset-dashboard");
    for (String stage : List.of("staging", "production")) {
      String app = stage.equals("staging") ? "asset-dashboard-staging" : "asset-dashboard";
      heroku.createApp(app);
      heroku.couple("asset-dashboard", app, stage);
      heroku.setConfig(app, RepoCopy.expected("dotenv-envs", stage));
    }
    heroku.attachAddon("asset-dashboard", "postgresql-rugged-12345",
        Map.of("DATABASE_URL", "postgres://other:pw@db.example.internal/x"));

    Cli.Result r = run(repo, "cleanup", "--yes");

    assertThat(r.code()).as(r.both()).isZero();
    assertThat(r.out()).contains("production (asset-dashboard): 7 variables live as migrated, "
        + "1 add-on owned");
    assertThat(repo.resolve("configs/.env.staging.gpg")).doesNotExist();
    assertThat(repo.resolve("configs/production/.env.gpg")).doesNotExist();
    assertThat(repo.resolve("configs/.env.development.gpg")).exists();
    assertThat(repo.resolve("configs/staging-config.conf")).exists();
    assertThat(Files.readString(repo.resolve(".blackbox/blackbox-files.txt")))
        .isEqualTo("configs/.env.development\n");
    assertThat(Files.readString(repo.resolve(".gitignore"))).doesNotContain("/configs/.env.staging")
        .doesNotContain("/configs/production/.env").contains("/configs/.env.development\n");
    assertThat(r.out()).contains("removed configs/.env.staging.gpg\n")
        .contains("Kept (sources of the development .env): configs/.env.development.gpg");
    assertThat(r.both()).doesNotContain(Cli.CANARY);
    assertThat(RepoCopy.filesContaining(repo, Cli.CANARY)).isEmpty();
  }

  @Test
  void aSettingTheParserSkippedBlocksCleanupUntilTheManifestDropsIt() throws IOException {
    Path repo = RepoCopy.of("flask-symmetric", tmp);
    heroku.createApp("timeline-production");
    heroku.setConfig("timeline-production", RepoCopy.expected("flask-symmetric", "production"));

    Cli.Result refused = run(repo, "cleanup", "--yes");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).contains("production: TIME_ZONE: skipped when converting "
        + "(configs/app_config.py.asc:3)");
    assertThat(repo.resolve("configs/app_config.py.asc")).exists();

    Files.writeString(repo.resolve("envshift.yml"), "drop: [TIME_ZONE]\n",
        java.nio.file.StandardOpenOption.APPEND);
    Cli.Result r = run(repo, "cleanup", "--yes");

    assertThat(r.code()).as(r.both()).isZero();
    assertThat(repo.resolve("configs/app_config.py.asc")).doesNotExist();
    assertThat(refused.both() + r.both()).doesNotContain(Cli.CANARY);
  }

  @Test
  void withoutATerminalYesIsRequired() {
    Path repo = RepoCopy.of("django-blackbox", tmp);

    Cli.Result r = run(repo, "cleanup");

    assertThat(r.code()).isEqualTo(64);
    assertThat(heroku.requests()).isEmpty();
    assertThat(repo.resolve(STAGING_PY)).exists();
  }
}
