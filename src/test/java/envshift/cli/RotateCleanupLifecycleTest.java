package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration story end to end on the fake Platform API, over a copy of the django-blackbox
 * fixture whose manifest {@code init} drafts: init, apply, then rotate and cleanup in either order.
 * A rotated var belongs to the app: plan never offers its old (leaked) value back, and cleanup
 * accepts it as verified.
 */
@ExtendWith(FakeHerokuExtension.class)
class RotateCleanupLifecycleTest {
  private static final String STAGING = "django-blackbox-staging";
  private static final String PRODUCTION = "django-blackbox-production";
  private static final String STAGING_PY = "configs/settings_deployment.staging.py.gpg";

  @TempDir Path tmp;
  private FakeHeroku heroku;
  private Path repo;

  @BeforeEach
  void initAndApply(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    heroku.createApp(STAGING);
    heroku.createApp(PRODUCTION);
    repo = RepoCopy.of("django-blackbox", tmp);
    Files.delete(repo.resolve("envshift.yml"));
    RepoCopy.git(repo, "init", "--quiet");
    RepoCopy.git(repo, "add", "--all");
    RepoCopy.git(repo, "commit", "--quiet", "-m", "legacy");

    Cli.Result init = cli().run("init");
    assertThat(init.code()).as(init.both()).isZero();
    // The review init asks for: STATIC_ROOT is computed (os.path.join), not a setting to migrate.
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest,
        Files.readString(manifest).replace("drop: []", "drop: [STATIC_ROOT]"));
    Cli.Result applied = run("apply", "--yes", "--no-backup");
    assertThat(applied.code()).as(applied.both()).isZero();
    assertThat(heroku.config(STAGING)).containsKey("SECRET_KEY");
  }


  private Cli cli() {
    return new Cli(tmp.resolve("home")).cwd(repo).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN)
        .env("XDG_STATE_HOME", tmp.resolve("state").toString());
  }

  private Cli.Result run(String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--api-url", heroku.url(), "--secret-key",
        Cli.fixture("keys/deploy-rsa.asc")));
    Cli.Result r = cli().run(all.toArray(String[]::new));
    assertThat(r.both()).doesNotContain(Cli.CANARY);
    return r;
  }

  private Cli.Result rotateSecretKey() {
    return run("rotate", "SECRET_KEY", "--env", "staging", "--yes", "--no-backup");
  }

  @Test
  void rotateThenPlanLeavesTheRotatedValueAloneAndCleanupSucceeds() throws IOException {
    String leaked = heroku.config(STAGING).get("SECRET_KEY");

    Cli.Result rotated = rotateSecretKey();

    assertThat(rotated.code()).as(rotated.both()).isZero();
    String fresh = heroku.config(STAGING).get("SECRET_KEY");
    assertThat(fresh).isNotEqualTo(leaked);
    assertThat(rotated.out()).contains("envshift.yml: environments.staging.live lists SECRET_KEY");
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("SECRET_KEY");
    // The drafted manifest keeps its comments; only the live: line is new.
    String manifest = Files.readString(repo.resolve("envshift.yml"));
    assertThat(manifest).contains("# Review it before use", "# TODO: check the app name",
        "    heroku: {app: django-blackbox-staging}  # TODO: check the app name\n"
            + "    live: [SECRET_KEY]\n  production:");

    Cli.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.code()).as(plan.both()).isZero();
    assertThat(plan.out()).contains("= SECRET_KEY live (rotated), left alone")
        .contains("Plan: 0 to add, 0 to change, 0 to delete");
    Cli.Result json = run("plan", "--env", "staging", "--json");
    assertThat(json.out()).contains("\"live\":[{\"name\":\"SECRET_KEY\",\"set\":true}]")
        .doesNotContain("\"name\":\"SECRET_KEY\",\"action\"");
    Cli.Result applied = run("apply", "--yes", "--no-backup");
    assertThat(applied.code()).as(applied.both()).isZero();
    assertThat(heroku.config(STAGING).get("SECRET_KEY")).isEqualTo(fresh);

    Cli.Result cleanup = run("cleanup", "--yes");

    assertThat(cleanup.code()).as(cleanup.both()).isZero();
    assertThat(cleanup.out()).contains("staging (" + STAGING + "): ")
        .contains("1 rotated (live:)").contains("removed " + STAGING_PY + " (git rm)");
    assertThat(repo.resolve(STAGING_PY)).doesNotExist();
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("SECRET_KEY");
    assertThat(run("plan", "--detailed-exitcode").code()).isZero();
    assertThat(heroku.config(STAGING).get("SECRET_KEY")).isEqualTo(fresh);
    assertThat(rotated.both() + plan.both() + cleanup.both()).doesNotContain(fresh, leaked);
  }

  @Test
  void cleanupThenRotateRecordsLiveOnASourcelessEnvironmentAndPlanShowsNoChange()
      throws IOException {
    Cli.Result cleanup = run("cleanup", "--yes");
    assertThat(cleanup.code()).as(cleanup.both()).isZero();
    assertThat(ManifestLoader.load(repo).environment("staging").sources()).isEmpty();
    String leaked = heroku.config(STAGING).get("SECRET_KEY");

    Cli.Result rotated = rotateSecretKey();

    assertThat(rotated.code()).as(rotated.both()).isZero();
    assertThat(heroku.config(STAGING).get("SECRET_KEY")).isNotEqualTo(leaked);
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("SECRET_KEY");
    Cli.Result plan = run("plan", "--detailed-exitcode");
    assertThat(plan.code()).as(plan.both()).isZero();
    assertThat(plan.out()).contains("= SECRET_KEY live (rotated), left alone");
    // With no sources left every other var is live only ("added"); SECRET_KEY is the app's.
    Cli.Result drift = run("drift", "--env", "staging", "--against-source");
    assertThat(drift.out()).containsPattern("live +SECRET_KEY: owned by the app in staging")
        .doesNotContainPattern("added +SECRET_KEY");
  }

  @Test
  void driftAgainstTheSourceAfterRotateReportsLiveNotChangedAndExitsZero() {
    assertThat(rotateSecretKey().code()).isZero();

    Cli.Result drift = run("drift", "--env", "staging", "--against-source", "--json");

    assertThat(drift.code()).as(drift.both()).isZero();
    assertThat(drift.out())
        .contains("{\"name\":\"SECRET_KEY\",\"kind\":\"live\",\"envs\":[\"staging\"]}")
        .doesNotContain("\"kind\":\"changed\"");
  }

  @Test
  void pruneNeverDeletesALiveOwnedVar() {
    assertThat(rotateSecretKey().code()).isZero();
    Map<String, String> config = heroku.config(STAGING);
    config.put("LEGACY_FLAG", "1");
    heroku.setConfig(STAGING, config);

    Cli.Result pruned = run("apply", "--env", "staging", "--prune", "--yes", "--no-backup");

    assertThat(pruned.code()).as(pruned.both()).isZero();
    assertThat(heroku.config(STAGING)).doesNotContainKey("LEGACY_FLAG")
        .containsEntry("SECRET_KEY", config.get("SECRET_KEY"));
  }

  @Test
  void externalCredentialsAreRefusedOneLineEachWithoutForceAndNothingIsWritten()
      throws IOException {
    String before = Files.readString(repo.resolve("envshift.yml"));
    Map<String, String> config = heroku.config(STAGING);
    heroku.clearRequests();

    Cli.Result r = run("rotate", "SECRET_KEY", "AWS_SECRET_ACCESS_KEY", "EMAIL_HOST_PASSWORD",
        "MAILCHIMP_API_KEY", "DATABASE_REPORTING_URL", "--env", "staging", "--yes", "--no-backup");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().filter(l -> !l.contains("warning") && !l.contains("note")))
        .containsExactly(
            "envshift: AWS_SECRET_ACCESS_KEY: an access key pair: the provider issues it (for AWS:"
                + " IAM, create a new access key)",
            "envshift: EMAIL_HOST_PASSWORD: a password another system checks (database, SMTP...):"
                + " change it there first",
            "envshift: MAILCHIMP_API_KEY: an API credential of an external service: that service"
                + " issues the new one",
            "envshift: DATABASE_REPORTING_URL: a URL: a random value is not one, and the"
                + " credentials in it are issued by the service it points to",
            "envshift: nothing rotated: envshift cannot rotate 4 of these alone (listed above);"
                + " rotate them at their service and set the new value, or pass --force");
    assertThat(heroku.count("PATCH", "/")).isZero();
    assertThat(heroku.config(STAGING)).isEqualTo(config);
    assertThat(Files.readString(repo.resolve("envshift.yml"))).isEqualTo(before);
  }

  @Test
  void aFailedRotationLeavesTheManifestAsItWas() throws IOException {
    Path manifest = repo.resolve("envshift.yml");
    Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rw-r-----"));
    String before = Files.readString(manifest);
    heroku.overrideNextPatch("SECRET_KEY", "raced-by-someone-else");

    Cli.Result failed = rotateSecretKey();

    assertThat(failed.code()).isEqualTo(1);
    assertThat(Files.readString(manifest)).isEqualTo(before);

    Cli.Result rotated = rotateSecretKey();

    assertThat(rotated.code()).as(rotated.both()).isZero();
    assertThat(Files.readString(manifest)).isNotEqualTo(before);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(manifest)))
        .isEqualTo("rw-r-----");
    assertThat(TestRepos.files(repo)).noneMatch(f -> f.contains(".tmp"));
  }
}
