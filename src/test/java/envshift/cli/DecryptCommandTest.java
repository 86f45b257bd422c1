package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.pgp.Gpg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code envshift decrypt} against the real gpg 2.2: what gpg encrypts, the CLI decrypts. */
class DecryptCommandTest {
  private static final byte[] TEXT =
      ("# TEST ONLY\nSECRET_KEY = '" + CANARY + "-decrypt'\r\nNAME = 'Zoë \u2603'\n\tTAB\n")
          .getBytes(StandardCharsets.UTF_8);
  private static final String PASSPHRASE = "TEST-ONLY-symmetric-passphrase";

  @TempDir static Path shared;
  static Gpg gpg;

  @TempDir Path tmp;

  @BeforeAll
  static void importFixtureKeys() throws IOException {
    gpg = Gpg.create(shared.resolve("gnupg"));
    gpg.importKeys(Files.readAllBytes(Cli.FIXTURES.resolve("keys/deploy-rsa.asc")));
    gpg.importKeys(Files.readAllBytes(Cli.FIXTURES.resolve("keys/dev-cv25519.pub.asc")));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "rsa binary",
        "rsa armored",
        "cv25519 binary",
        "cv25519 armored",
        "symmetric binary",
        "symmetric armored",
        "rsa+cv25519 binary"
      })
  void whatGpgEncryptsDecryptsToStdoutByteForByte(String kind) throws IOException {
    String[] armor = kind.endsWith("armored") ? new String[] {"--armor"} : new String[0];
    byte[] message =
        switch (kind.split(" ")[0]) {
          case "rsa" -> gpg.encrypt(TEXT, List.of("deploy@example.org"), armor);
          case "cv25519" -> gpg.encrypt(TEXT, List.of("dev@example.org"), armor);
          case "symmetric" -> gpg.encryptSymmetric(TEXT, PASSPHRASE, armor);
          default -> gpg.encrypt(TEXT, List.of("deploy@example.org", "dev@example.org"), armor);
        };
    Path file = Files.write(tmp.resolve("message.gpg"), message);
    Path passphrase = Files.writeString(tmp.resolve("pass"), PASSPHRASE);
    String[] keys =
        switch (kind.split(" ")[0]) {
          case "cv25519" ->
              new String[] {
                "--secret-key",
                Cli.fixture("keys/dev-cv25519.asc"),
                "--passphrase-file",
                Cli.fixture("keys/dev-cv25519.passphrase")
              };
          case "symmetric" -> new String[] {"--passphrase-file", passphrase.toString()};
          default -> new String[] {"--secret-key", Cli.fixture("keys/deploy-rsa.asc")};
        };

    Cli.Result r = cli().run(concat(new String[] {"decrypt", file.toString()}, keys));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(TEXT);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void stdoutIsWhatGpgDecryptPrints() throws IOException {
    Path fixture =
        Cli.FIXTURES.resolve("repos/django-blackbox/configs/settings_deployment.staging.py.gpg");
    Gpg.Result byGpg = gpg.decrypt(Files.readAllBytes(fixture), "");

    Cli.Result r =
        cli()
            .run("decrypt", fixture.toString(), "--secret-key", Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(byGpg.exitCode()).as(byGpg.stderr()).isZero();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().getBytes(StandardCharsets.UTF_8)).isEqualTo(byGpg.stdout());
    assertThat(r.out()).as("an explicit plaintext output").contains(CANARY);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void outputFileHoldsThePlaintextWithMode0600AndStderrNoSecret() throws IOException {
    Path message =
        Files.write(tmp.resolve("m.gpg"), gpg.encrypt(TEXT, List.of("deploy@example.org")));
    Path out = Files.writeString(tmp.resolve("out.txt"), "old content, world-readable");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));

    Cli.Result r =
        cli()
            .cwd(tmp)
            .run(
                "decrypt",
                "m.gpg",
                "-o",
                "out.txt",
                "--secret-key",
                Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(TEXT);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("envshift: decrypted m.gpg to out.txt (key ")
        .contains(TestRepos.keyId("deploy-rsa", "subkey"));
    assertThat(r.both()).doesNotContain(CANARY);
    assertThat(TestRepos.files(tmp)).containsExactly("m.gpg", "out.txt");
  }

  @Test
  void binaryPlaintextIsRefusedOnStdoutAndWrittenWithOutput() throws IOException {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) binary[i] = (byte) i;
    Path message =
        Files.write(tmp.resolve("blob.gpg"), gpg.encrypt(binary, List.of("deploy@example.org")));
    String key = Cli.fixture("keys/deploy-rsa.asc");

    Cli.Result refused = cli().cwd(tmp).run("decrypt", "blob.gpg", "--secret-key", key);
    Cli.Result written =
        cli().cwd(tmp).run("decrypt", "blob.gpg", "-o", "blob", "--secret-key", key);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    // byte 10 is a line feed, so the first bad byte (128) sits on line 2
    assertThat(refused.errLines())
        .singleElement()
        .asString()
        .startsWith("envshift: blob.gpg:2: not UTF-8 text")
        .contains("-o OUT");
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("blob"))).isEqualTo(binary);
  }

  @Test
  void latin1PlaintextIsRefusedOnStdoutNamingTheLine() {
    Cli.Result r =
        cli()
            .run(
                "decrypt",
                Cli.fixture("bad/non-utf8.py.gpg"),
                "--secret-key",
                Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .contains("non-utf8.py.gpg:4: not UTF-8 text")
        .contains("-o OUT");
    assertThat(r.err()).doesNotContain(CANARY);
  }

  @Test
  void aMissingFileIsOneLine() {
    Cli.Result r = cli().cwd(tmp).run("decrypt", "nope.gpg", "-o", "out");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("envshift: nope.gpg: no such file");
    assertThat(TestRepos.files(tmp)).isEmpty();
  }

  @Test
  void helpDescribesTheCommand() {
    Cli.Result r = cli().run("decrypt", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: envshift decrypt").contains("-o, --output=OUT");
  }

  private Cli cli() {
    return new Cli(tmp.resolve("home"));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
