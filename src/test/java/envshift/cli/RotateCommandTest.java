package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import envshift.convert.EnvironmentLoader;
import envshift.convert.SourceReader;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import envshift.plan.Finding;
import envshift.plan.SourceDrift;
import envshift.push.BackupStore;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift rotate} end to end on the fake Platform API, over copies of fixture repos. */
@ExtendWith(FakeHerokuExtension.class)
class RotateCommandTest {
  private static final String STAGING = "payroll-staging";

  @TempDir Path tmp;
  private FakeHeroku heroku;
  private Path repo;
  private Path backups;
  private Map<String, String> before;

  @BeforeEach
  void setUp(FakeHeroku heroku) {
    this.heroku = heroku;
    repo = RepoCopy.of("django-blackbox", tmp);
    backups = tmp.resolve("backups");
    heroku.createApp(STAGING);
    heroku.createApp("payroll-production");
    heroku.setConfig(STAGING, RepoCopy.expected("django-blackbox", "staging"));
    heroku.setConfig("payroll-production", RepoCopy.expected("django-blackbox", "production"));
    before = heroku.config(STAGING);
    heroku.clearRequests();
  }

  private Cli.Result rotate(String... args) {
    List<String> all = new ArrayList<>(List.of("rotate", "--api-url", heroku.url()));
    all.addAll(Arrays.asList(args));
    return cli().run(all.toArray(String[]::new));
  }

  private Cli cli() {
    return new Cli(tmp.resolve("home")).cwd(repo).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN)
        .env("XDG_STATE_HOME", tmp.resolve("state").toString());
  }

  @Test
  void rotatesEveryNameInOnePatchAndPrintsTheReleaseAndNamesButNoValue() {
    Cli.Result r = rotate("DJANGO_SECRET_KEY", "EMAIL_HOST_PASSWORD", "--env", "staging", "--yes",
        "--backup-dir", backups.toString(), "--force");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(heroku.count("PATCH", "/apps/" + STAGING + "/config-vars")).isEqualTo(1);
    Map<String, String> after = heroku.config(STAGING);
    int release = heroku.releases(STAGING).get(heroku.releases(STAGING).size() - 1).version();
    assertThat(r.out()).contains("rotated DJANGO_SECRET_KEY, EMAIL_HOST_PASSWORD on " + STAGING
        + " (staging): release v" + release);
    assertThat(after.get("DJANGO_SECRET_KEY")).isNotEqualTo(before.get("DJANGO_SECRET_KEY"))
        .hasSize(50);
    assertThat(after.get("EMAIL_HOST_PASSWORD")).isNotEqualTo(before.get("EMAIL_HOST_PASSWORD"))
        .matches("[A-Za-z0-9_-]{43}");
    Map<String, String> rest = new LinkedHashMap<>(after);
    rest.keySet().removeAll(List.of("DJANGO_SECRET_KEY", "EMAIL_HOST_PASSWORD"));
    Map<String, String> restBefore = new LinkedHashMap<>(before);
    restBefore.keySet().removeAll(List.of("DJANGO_SECRET_KEY", "EMAIL_HOST_PASSWORD"));
    assertThat(rest).isEqualTo(restBefore);
    for (String value : List.of(after.get("DJANGO_SECRET_KEY"), after.get("EMAIL_HOST_PASSWORD"),
        before.get("DJANGO_SECRET_KEY"), Cli.CANARY)) {
      assertThat(r.both()).doesNotContain(value);
    }
  }

  @Test
  void theBackupIsWrittenFirstMode0600AndDecryptsToThePreviousConfig() throws IOException {
    Cli.Result r = rotate("DJANGO_SECRET_KEY", "--env", "staging", "--yes",
        "--backup-dir", backups.toString());

    assertThat(r.code()).as(r.err()).isZero();
    List<Path> files;
    try (Stream<Path> list = Files.list(backups)) {
      files = list.toList();
    }
    assertThat(files).hasSize(1);
    Path backup = files.get(0);
    assertThat(r.out()).contains("backup of the previous config: " + backup);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
        .isEqualTo("rw-------");
    assertThat(RepoCopy.filesContaining(backups, Cli.CANARY)).isEmpty();
    BackupStore.Backup read = BackupStore.read(Files.readAllBytes(backup), backup.toString(),
        new Decryptor(RepoCopy.deployKey()));
    assertThat(read.app()).isEqualTo(STAGING);
    assertThat(reveal(read.config())).isEqualTo(before);
  }

  @Test
  void afterRotationTheVarIsLiveOwnedAndDriftAgainstTheSourceShowsItAsLiveWithExitZero() {
    assertThat(sourceDrift()).isEmpty();
    Cli.Result before = driftAgainstSource();
    assertThat(before.code()).as(before.err()).isZero();

    Cli.Result r = rotate("DJANGO_SECRET_KEY", "--env", "staging", "--yes", "--no-backup");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("DJANGO_SECRET_KEY");
    assertThat(sourceDrift()).containsExactly(
        new Finding("DJANGO_SECRET_KEY", Finding.Kind.LIVE, List.of("staging")));
    Cli.Result after = driftAgainstSource();
    assertThat(after.code()).as(after.err()).isZero();
    assertThat(after.out())
        .contains("{\"name\":\"DJANGO_SECRET_KEY\",\"kind\":\"live\",\"envs\":[\"staging\"]}")
        .doesNotContain("\"changed\"");
    assertThat(after.both()).doesNotContain(Cli.CANARY);
  }

  private Cli.Result driftAgainstSource() {
    return cli().run("drift", "--env", "staging", "--against-source", "--json",
        "--api-url", heroku.url(), "--secret-key", Cli.fixture("keys/deploy-rsa.asc"));
  }

  private List<Finding> sourceDrift() {
    Manifest manifest = ManifestLoader.load(repo);
    KeyRing keys = RepoCopy.deployKey();
    EnvironmentLoader loader =
        new EnvironmentLoader(manifest, new SourceReader(repo, () -> new Decryptor(keys)));
    Map<String, Secret> declared = loader.load("staging").vars().values();
    Map<String, Secret> live = new LinkedHashMap<>();
    heroku.config(STAGING).forEach((k, v) -> live.put(k, Secret.of(v)));
    return SourceDrift.compare("staging", live, Map.of(),
        java.util.Set.copyOf(manifest.environment("staging").live()), declared);
  }

  @Test
  void whenVerificationFailsThePreviousValuesArePatchedBack() {
    heroku.overrideNextPatch("DJANGO_SECRET_KEY", "raced-by-someone-else");

    Cli.Result r = rotate("DJANGO_SECRET_KEY", "EMAIL_HOST_PASSWORD", "--env", "staging", "--yes",
        "--backup-dir", backups.toString(), "--force");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("verification failed for DJANGO_SECRET_KEY")
        .contains("restored the previous values of DJANGO_SECRET_KEY, EMAIL_HOST_PASSWORD")
        .contains("backup at " + backups);
    assertThat(heroku.config(STAGING)).isEqualTo(before);
    assertThat(heroku.count("PATCH", "/apps/" + STAGING + "/config-vars")).isEqualTo(2);
    assertThat(r.both()).doesNotContain("raced-by-someone-else").doesNotContain(Cli.CANARY);
  }

  @Test
  void whenTheRestoreFailsTooTheMessageSaysSoAndPointsAtTheBackup() {
    heroku.overrideNextPatch("DJANGO_SECRET_KEY", "raced-once");
    heroku.overrideNextPatch("DJANGO_SECRET_KEY", "raced-twice");

    Cli.Result r = rotate("DJANGO_SECRET_KEY", "--env", "staging", "--yes",
        "--backup-dir", backups.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("verification failed for DJANGO_SECRET_KEY; restoring the "
        + "previous values failed for DJANGO_SECRET_KEY; restore it with `envshift restore "
        + backups).contains(" --app " + STAGING + "`");
    assertThat(heroku.count("PATCH", "/apps/" + STAGING + "/config-vars")).isEqualTo(2);
    assertThat(r.both()).doesNotContain("raced-").doesNotContain(Cli.CANARY);
  }

  @Test
  void productionIsRefusedBeforeAnyRequestUnlessAllowed() {
    Cli.Result refused = rotate("DJANGO_SECRET_KEY", "--env", "production", "--yes",
        "--no-backup");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("production").contains("--allow-production");
    assertThat(heroku.requests()).isEmpty();

    Cli.Result allowed = rotate("DJANGO_SECRET_KEY", "--env", "production", "--yes",
        "--no-backup", "--allow-production");

    assertThat(allowed.code()).as(allowed.err()).isZero();
    assertThat(heroku.count("PATCH", "/apps/payroll-production/config-vars")).isEqualTo(1);
  }

  @Test
  void anAddonOwnedVarIsRefusedPointingAtTheAddonsOwnRotation() {
    heroku.attachAddon(STAGING, "postgresql-rugged-12345", Map.of(
        "DATABASE_URL", "postgres://u:" + Cli.CANARY + "@h/db",
        "HEROKU_POSTGRESQL_RED_URL", "postgres://u:" + Cli.CANARY + "@h/db"));

    Cli.Result r = rotate("DATABASE_URL", "HEROKU_POSTGRESQL_RED_URL", "DJANGO_SECRET_KEY",
        "--env", "staging", "--yes", "--no-backup");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("DATABASE_URL is owned by add-on postgresql-rugged-12345")
        .contains("HEROKU_POSTGRESQL_RED_URL is owned by add-on postgresql-rugged-12345")
        .contains("heroku pg:credentials:rotate DATABASE_URL --app " + STAGING)
        .contains("nothing rotated");
    assertThat(heroku.count("PATCH", "/")).isZero();
    assertThat(r.both()).doesNotContain(Cli.CANARY);
  }

  @Test
  void aNameThatIsNotLiveIsRefusedByName() {
    Cli.Result r = rotate("DJANGO_SECRET_KEY", "NOT_THERE_YET", "--env", "staging", "--yes",
        "--no-backup");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("NOT_THERE_YET is not set on " + STAGING)
        .doesNotContain("DJANGO_SECRET_KEY is");
    assertThat(heroku.count("PATCH", "/")).isZero();
    assertThat(heroku.config(STAGING)).isEqualTo(before);
  }

  @Test
  void withoutATerminalYesIsRequired() {
    Cli.Result r = rotate("DJANGO_SECRET_KEY", "--env", "staging", "--no-backup");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("--yes");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void anUnknownGeneratorIsAUsageErrorBeforeAnyRequest() {
    Cli.Result r = rotate("DJANGO_SECRET_KEY", "--env", "staging", "--yes", "--no-backup",
        "--generator", "rot13");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("rot13");
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void alsoDotenvGivesTheDevelopmentEnvItsOwnNewValueEncryptedToTheSameRecipients()
      throws IOException {
    Path dotenvRepo = RepoCopy.of("dotenv-envs", tmp);
    heroku.createApp("asset-dashboard-staging");
    heroku.createPipeline("asset-dashboard");
    heroku.couple("asset-dashboard", "asset-dashboard-staging", "staging");
    heroku.setConfig("asset-dashboard-staging", RepoCopy.expected("dotenv-envs", "staging"));
    String key = Cli.fixture("keys/deploy-rsa.asc");
    Cli.Result written = cli().cwd(dotenvRepo).run("dotenv", "--secret-key", key);
    assertThat(written.code()).as(written.err()).isZero();
    Path devFile = dotenvRepo.resolve("configs/.env.gpg");
    Map<String, String> devBefore = readDotenv(devFile, RepoCopy.deployKey());
    List<?> recipientsBefore = recipients(devFile);

    Cli.Result r = cli().cwd(dotenvRepo).run("rotate", "--api-url", heroku.url(),
        "DJANGO_SECRET_KEY", "SENTRY_DSN", "--env", "staging", "--also-dotenv", "--yes",
        "--no-backup", "--secret-key", key, "--force");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("configs/.env.gpg: new development value for DJANGO_SECRET_KEY"
        + " (not the same as staging's)");
    Map<String, String> devAfter = readDotenv(devFile, RepoCopy.deployKey());
    String staging = heroku.config("asset-dashboard-staging").get("DJANGO_SECRET_KEY");
    assertThat(devAfter.get("DJANGO_SECRET_KEY")).hasSize(50)
        .isNotEqualTo(devBefore.get("DJANGO_SECRET_KEY")).isNotEqualTo(staging);
    devAfter.remove("DJANGO_SECRET_KEY");
    devBefore.remove("DJANGO_SECRET_KEY");
    assertThat(devAfter).isEqualTo(devBefore);
    assertThat(recipients(devFile)).isEqualTo(recipientsBefore);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(devFile)))
        .isEqualTo("rw-------");
    assertThat(r.both()).doesNotContain(Cli.CANARY).doesNotContain(staging);
    assertThat(RepoCopy.filesContaining(dotenvRepo, Cli.CANARY)).isEmpty();
  }

  private static List<?> recipients(Path file) throws IOException {
    return new Decryptor(RepoCopy.deployKey())
        .decrypt(Files.readAllBytes(file), file.toString()).recipients();
  }

  private static Map<String, String> reveal(Map<String, Secret> config) {
    Map<String, String> plain = new LinkedHashMap<>();
    config.forEach((k, v) -> plain.put(k, v.reveal()));
    return plain;
  }

  private static Map<String, String> readDotenv(Path file, KeyRing keys) throws IOException {
    DecryptedFile d = new Decryptor(keys).decrypt(Files.readAllBytes(file), file.toString());
    return DotenvReader.read(new String(d.plaintext(), StandardCharsets.UTF_8),
        DotenvFlavor.COMPOSE, file.toString());
  }
}
