package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.Gpg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup taken by {@code apply} and {@code envshift restore}: the backup is 0600, encrypted to
 * the manifest's recipients, readable by real gpg, and restoring it (or a past release) puts the
 * old config back in one PATCH, add-on vars untouched.
 */
@ExtendWith(FakeHerokuExtension.class)
class RestoreCommandTest {
  private static final String APP = "payroll-staging";
  private static final Map<String, String> BEFORE = Map.of("OLD_ONLY", "before-1",
      "DEBUG", "before-2");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path gpgDir;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp(APP);
    world.heroku.setConfig(APP, BEFORE);
    world.heroku.attachAddon(APP, "postgresql-shaped-1", Map.of("DATABASE_URL", "postgres://a"));
  }

  @Test
  void applyBacksUpTheLiveConfigEncryptedMode0600AndGpgDecryptsIt() throws IOException {
    assertThat(world.apply(PushWorld.DJANGO, "--env", "staging").code()).isZero();

    Path backup = onlyBackup();
    assertThat(backup.getFileName().toString())
        .matches("payroll-staging-\\d{8}T\\d{6}Z\\.json\\.asc");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
        .isEqualTo("rw-------");
    String armored = Files.readString(backup);
    assertThat(armored).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("before-1");
    try (Gpg gpg = Gpg.create(gpgDir.resolve("g"))) {
      gpg.importKeys(Files.readAllBytes(Path.of(PushWorld.DEPLOY_KEY)));
      Gpg.Result plain = gpg.decrypt(armored.getBytes(), "");
      assertThat(plain.exitCode()).as(plain.stderr()).isZero();
      JsonNode doc = JSON.readTree(plain.stdout());
      assertThat(doc.get("app").asText()).isEqualTo(APP);
      assertThat(doc.get("config")).isEqualTo(JSON.valueToTree(Map.of("OLD_ONLY", "before-1",
          "DEBUG", "before-2", "DATABASE_URL", "postgres://a")));
    }
  }

  @Test
  void restoringTheBackupWithPrunePutsTheOldConfigBackInOnePatch() {
    assertThat(world.apply(PushWorld.DJANGO, "--env", "staging").code()).isZero();
    int releases = world.heroku.releases(APP).size();

    Cli.Result r = world.run("restore", onlyBackup().toString(), "--app", APP, "--prune",
        "--yes", "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("~ DEBUG: <5 chars> → <8 chars>")
        .contains("- EMAIL_HOST_PASSWORD")
        .contains("! DATABASE_URL owned by add-on postgresql-shaped-1, left alone")
        .contains("payroll-staging  applied (v" + (releases + 1) + ")");
    assertThat(world.heroku.config(APP)).isEqualTo(Map.of("OLD_ONLY", "before-1",
        "DEBUG", "before-2", "DATABASE_URL", "postgres://a"));
    assertThat(world.heroku.releases(APP)).hasSize(releases + 1);
    // restore took its own safety backup first, to the readers of the restored one it can name
    assertThat(PushWorld.filesUnder(home.resolve("state/envshift/backups"))).hasSize(1);
    assertThat(r.err()).contains("warning: the safety backup is not encrypted to key ")
        .contains("its public key is not loaded (--public-key)");
  }

  @Test
  void restoringAPastReleaseWithoutPruneSetsItsValuesBackAndKeepsNewerVars() {
    int beforeApply = world.heroku.releases(APP).size();
    assertThat(world.apply(PushWorld.DJANGO, "--env", "staging").code()).isZero();

    Cli.Result r = world.run("restore", "--app", APP, "--release", "v" + beforeApply, "--yes",
        "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("~ DEBUG: <5 chars> → <8 chars>")
        .contains("EMAIL_HOST_PASSWORD kept (live only; --prune would delete it)");
    assertThat(world.heroku.config(APP)).containsEntry("DEBUG", "before-2")
        .containsEntry("OLD_ONLY", "before-1").containsKey("EMAIL_HOST_PASSWORD");
    assertThat(world.heroku.releases(APP)).hasSize(beforeApply + 2);
  }

  @Test
  void restoreNeedsYesWithoutATerminalAndEitherABackupOrARelease() {
    Cli.Result noYes = world.run("restore", "--app", APP, "--release", "v1");
    assertThat(noYes.code()).isEqualTo(64);
    assertThat(noYes.err()).contains("pass --yes");

    Cli.Result neither = world.run("restore", "--app", APP, "--yes");
    assertThat(neither.code()).isEqualTo(64);
    assertThat(neither.err()).contains("give either a BACKUP file or --release vN");
    assertThat(world.heroku.count("PATCH", "/")).isZero();
  }

  private Path onlyBackup() {
    List<Path> backups = PushWorld.filesUnder(home.resolve("backups"));
    assertThat(backups).hasSize(1);
    return backups.get(0);
  }
}
