package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Messages as they turn up in legacy repos, made by the real gpg, with {@code gpg -d} as the
 * oracle: armor with text around it and armor headers, and canonical-text literal data.
 */
class MessageFormsTest {
  private static final String RSA = TestKeys.RSA;

  @TempDir static Path dir;
  static Gpg gpg;
  static KeyRing keys;

  @BeforeAll
  static void makeKeys() {
    gpg = TestKeys.home(dir.resolve("gnupg"), RSA);
    keys = KeyRing.builder().gnupgHome(gpg.home()).build();
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] decrypt(byte[] message) {
    try (DecryptedFile file = new Decryptor(keys).decrypt(message, "notes/app.env.asc")) {
      return file.plaintext().clone();
    }
  }

  /** What gpg itself makes of the message; the test fails if gpg does not accept it. */
  private static byte[] gpgDecrypt(byte[] message) {
    Gpg.Result result = gpg.decrypt(message, "");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.stdout();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hi,\nhere are the prod settings, as asked:\n\n",
        "From: ops@example.org\r\nSubject: settings\r\n\r\nsee below -----BEGIN PGP MESSAGE----- ok\r\n",
        "\ufeffnote: rotate these in May\n   \n",
        "----- Forwarded message -----\n> -----BEGIN PGP MESSAGE----- quoted\n"
      })
  void textBeforeTheArmorHeaderLineIsSkippedAsGpgDoes(String before) {
    byte[] plaintext = bytes("SECRET=abc\n");
    byte[] armored = gpg.encrypt(plaintext, List.of(RSA), "--armor");
    byte[] message = concat(bytes(before), armored, bytes("\n-- \nOps team\n"));

    assertThat(gpgDecrypt(message)).isEqualTo(plaintext);
    assertThat(decrypt(message)).isEqualTo(plaintext);
  }

  @Test
  void armorHeadersAreTolerated() {
    byte[] plaintext = bytes("SECRET=abc\n");
    byte[] message =
        gpg.encrypt(
            plaintext,
            List.of(RSA),
            "--armor",
            "--emit-version",
            "--comment",
            "prod settings",
            "--comment",
            "second comment");
    String text = new String(message, StandardCharsets.US_ASCII);
    assertThat(text).contains("\nVersion: ", "\nComment: prod settings");
    byte[] withCharset = bytes(text.replace("\nComment: prod", "\nCharset: UTF-8\nComment: prod"));

    assertThat(gpgDecrypt(withCharset)).isEqualTo(plaintext);
    assertThat(decrypt(withCharset)).isEqualTo(plaintext);
  }

  @Test
  void aHeaderQuotedInsideALineIsNoArmor() {
    assertThat(OpenPgp.armorHeaderAt(bytes("see -----BEGIN PGP MESSAGE-----\n"))).isEqualTo(-1);
    assertThat(OpenPgp.looksLikeOpenPgp(bytes("say x\nwhere -----BEGIN PGP MESSAGE-----\n")))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A=1\r\nB=2\r\n",
        "A=1\nB=2\n",
        "A=1\r\nB=2  \t\r\nC=3\n",
        "A=1\nB=no final newline  ",
        "A=1\rB=lone carriage return\r\n\r\n",
        "PEM=\"-----BEGIN KEY-----\\nabc\\n\"\r\n"
      })
  void canonicalTextDecryptsToWhatGpgWrites(String input) {
    byte[] plaintext = bytes(input);
    for (String[] extra :
        List.of(
            new String[] {"--textmode"},
            new String[] {"--textmode", "--compress-algo", "none"},
            new String[] {"--textmode", "--armor"})) {
      byte[] message = gpg.encrypt(plaintext, List.of(RSA), extra);

      assertThat(decrypt(message)).as(String.join(" ", extra)).isEqualTo(gpgDecrypt(message));
    }
  }

  @Test
  void binaryLiteralDataKeepsItsCarriageReturns() {
    byte[] plaintext = bytes("A=1\r\nB=2\r");
    byte[] message = gpg.encrypt(plaintext, List.of(RSA));

    assertThat(decrypt(message)).isEqualTo(plaintext).isEqualTo(gpgDecrypt(message));
  }
}
