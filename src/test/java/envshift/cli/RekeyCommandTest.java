package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.pgp.Gpg;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rekey against the real gpg: removed recipients lose access, the others keep or gain it. */
class RekeyCommandTest {
  private static final String STAGING = "configs/settings_deployment.staging.py.gpg";
  private static final String OUTSIDER_FPR = "0B52547F1FC7C7CD4EB67D310517A71394D81488";

  @TempDir Path tmp;

  private Path copyRepo(String name) throws IOException {
    Path source = Cli.FIXTURES.resolve("repos/" + name);
    Path target = tmp.resolve(name);
    try (Stream<Path> all = Files.walk(source)) {
      for (Path p : all.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    return target;
  }

  private Cli.Result rekey(Path repo, String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "rekey",
                "--repo",
                repo.toString(),
                "--secret-key",
                Cli.fixture("keys/deploy-rsa.asc"),
                "--public-key",
                Cli.fixture("keys/outsider-rsa.pub.asc")));
    all.addAll(List.of(args));
    return new Cli(tmp).cwd(repo).run(all.toArray(String[]::new));
  }

  /** gpg --decrypt's exit code in a fresh home holding only {@code key}. */
  private int gpgDecrypt(Path file, String key, String passphrase) throws IOException {
    try (Gpg gpg = Gpg.create(tmp.resolve("gpg-" + key.replace('.', '-')))) {
      gpg.importKeys(Files.readAllBytes(Cli.FIXTURES.resolve("keys/" + key)));
      return gpg.decrypt(Files.readAllBytes(file), passphrase).exitCode();
    }
  }

  @Test
  void removedRecipientCannotDecryptAndTheOthersCan() throws IOException {
    Path repo = copyRepo("django-blackbox");
    String devPass = Files.readString(Cli.FIXTURES.resolve("keys/dev-cv25519.passphrase"));
    Path file = repo.resolve(STAGING);
    assertThat(gpgDecrypt(file, "dev-cv25519.asc", devPass)).as("dev reads it before").isZero();

    Cli.Result r =
        rekey(
            repo,
            STAGING,
            "--remove-recipient",
            "dev@example.org",
            "--add-recipient",
            "outsider@example.org");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rekeyed " + STAGING + ": Payroll Deploy (TEST ONLY)");
    assertThat(gpgDecrypt(file, "dev-cv25519.asc", devPass)).as("dev after").isNotZero();
    assertThat(gpgDecrypt(file, "deploy-rsa.asc", "")).as("deploy after").isZero();
    assertThat(gpgDecrypt(file, "outsider-rsa.asc", "")).as("outsider after").isZero();
    assertThat(Files.readAllBytes(file)[0] & 0x80).as("still binary").isNotZero();
    Path live = repo.resolve("keyrings/live");
    assertThat(Files.readAllLines(live.resolve("blackbox-admins.txt")))
        .containsExactly("deploy@example.org", "outsider@example.org");
    assertThat(
            KeyRing.builder()
                .publicKeyFile(live.resolve("pubring.gpg"))
                .build()
                .certificateFingerprints())
        .contains(OUTSIDER_FPR);
    assertNoCanary(repo, r);
  }

  @Test
  void armoredFileStaysArmoredAndGpgReadsIt() throws IOException {
    Path repo = copyRepo("django-blackbox");
    Path armored = repo.resolve("configs/extra.py.asc");
    try (Gpg gpg = Gpg.create(tmp.resolve("enc"))) {
      gpg.importKeys(Files.readAllBytes(Cli.FIXTURES.resolve("keys/deploy-rsa.pub.asc")));
      Files.write(
          armored,
          gpg.encrypt(
              "X = 'CANARY-5e2f0c1d'\n".getBytes(StandardCharsets.UTF_8),
              List.of("deploy@example.org"),
              "--armor"));
    }

    Cli.Result r = rekey(repo, "configs/extra.py.asc", "--add-recipient", OUTSIDER_FPR);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(armored)).startsWith("-----BEGIN PGP MESSAGE-----");
    assertThat(gpgDecrypt(armored, "outsider-rsa.asc", "")).isZero();
    assertThat(gpgDecrypt(armored, "deploy-rsa.asc", "")).isZero();
    assertNoCanary(repo, r);
  }

  @Test
  void refusesToLeaveAFileWithNoRecipients() throws IOException {
    Path repo = copyRepo("django-blackbox");
    byte[] before = Files.readAllBytes(repo.resolve(STAGING));

    Cli.Result r =
        rekey(
            repo,
            STAGING,
            "--remove-recipient",
            "dev@example.org",
            "--remove-recipient",
            "deploy@example.org");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(STAGING + ": refusing to leave the file with no recipients");
    assertThat(Files.readAllBytes(repo.resolve(STAGING))).isEqualTo(before);
  }

  @Test
  void passphraseEncryptedFileIsRefused() throws IOException {
    Path repo = copyRepo("flask-symmetric");
    String file = "configs/app_config.py.asc";
    byte[] before = Files.readAllBytes(repo.resolve(file));

    Cli.Result r =
        rekey(
            repo,
            file,
            "--add-recipient",
            "outsider@example.org",
            "--passphrase-file",
            Cli.fixture("keys/flask.passphrase"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(file + ": also encrypted with a passphrase (gpg -c)");
    assertThat(Files.readAllBytes(repo.resolve(file))).isEqualTo(before);
    assertNoCanary(repo, r);
  }

  @Test
  void keyboxRepoRefusesToAddAKeyItLacksAndChangesNothing() throws IOException {
    Path repo = copyRepo("dotenv-envs");
    String file = "configs/.env.staging.gpg";
    byte[] before = Files.readAllBytes(repo.resolve(file));

    Cli.Result r = rekey(repo, file, "--add-recipient", "outsider@example.org");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("pubring.kbx: envshift does not write GnuPG keyboxes");
    assertThat(Files.readAllBytes(repo.resolve(file))).isEqualTo(before);
    assertNoCanary(repo, r);
  }

  @Test
  void keyboxRepoMayStillDropARecipient() throws IOException {
    Path repo = copyRepo("dotenv-envs");
    String file = "configs/.env.staging.gpg";

    Cli.Result r = rekey(repo, file, "--remove-recipient", "dev@example.org");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(repo.resolve(".blackbox/blackbox-admins.txt")))
        .containsExactly("deploy@example.org");
    assertThat(gpgDecrypt(repo.resolve(file), "deploy-rsa.asc", "")).isZero();
  }

  private static void assertNoCanary(Path repo, Cli.Result r) throws IOException {
    assertThat(r.both()).doesNotContain(Cli.CANARY);
    try (Stream<Path> all = Files.walk(repo)) {
      // expected/ holds the fixture's revealed values on purpose; everything else must not
      for (Path p :
          all.filter(Files::isRegularFile)
              .filter(p -> !repo.relativize(p).startsWith("expected"))
              .toList()) {
        assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
            .as(p.toString())
            .doesNotContain(Cli.CANARY);
      }
    }
  }
}
