package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protected GnuPG key files whose random S2K salt or OCB nonce happened to be printable, so gpg
 * wrote it as a quoted string. About 8% of protected keys are like this; Bouncy Castle's
 * SExpression hands such a value back as a QuotedString, and unlocking failed as "wrong passphrase"
 * (the DecryptorGnupgHomeTest flake). The files under {@code gnupg-quoted-values/} were written by
 * gpg 2.2.40 (passphrase {@code pw}, TEST ONLY); see the README there.
 */
class GnupgKeyFileTest {
  private static final char[] PASSPHRASE = "pw".toCharArray();
  private static final Path FIXTURES = Path.of("").toAbsolutePath().resolve("fixtures");
  private static final String DEV_SUBKEY = "3EB9C50CDDD404F23ED81A035AF62F722E54B253";

  @TempDir Path dir;

  private static Path sample(String name) throws URISyntaxException {
    return Path.of(GnupgKeyFileTest.class.getResource("gnupg-quoted-values/" + name).toURI());
  }

  private static PGPPublicKey publicKeyFor(GnupgKeyFile file, Path publicKeys) {
    for (PGPPublicKeyRing ring : KeyFiles.read(publicKeys).certificates()) {
      for (PGPPublicKey key : ring) {
        if (file.matches(key)) {
          return key;
        }
      }
    }
    throw new AssertionError("no public key for " + file.path());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "FCA90CCA6B563FFBD349E7969E184211344E22C9", // salt "T_$+?\xd3 3\xe1"-like, raw high bytes
        "65914A11AE2D68DE1308988C5F4EE1D1414F6E22", // salt with a \n escape
        "432D85F3389D34FC57B2603DCC7E58E8D1B4876C", // salt with a \v escape
        "ACF38E9ED7ACEE6C7B9BA51300B77591DE8CB0EA", // nonce with a \\ escape
        "A3ACD1481FDA0EA2153614DCD8CB4B219F070B2D" // quoted nonce
      })
  void keyFileWithAQuotedSaltOrNonceUnlocksWithItsPassphrase(String keygrip) throws Exception {
    GnupgKeyFile file = GnupgKeyFile.read(sample(keygrip + ".key"));
    PGPPublicKey key = publicKeyFor(file, sample(keygrip + ".pub.asc"));

    // the OCB tag only verifies when salt, nonce and authenticated data were all read right
    assertThat(file.unlock(key, PASSPHRASE).getKeyID()).isEqualTo(key.getKeyID());
  }

  @Test
  void wrongPassphraseOnSuchAFileIsStillAPassphraseError() throws Exception {
    GnupgKeyFile file = GnupgKeyFile.read(sample("65914A11AE2D68DE1308988C5F4EE1D1414F6E22.key"));
    PGPPublicKey key =
        publicKeyFor(file, sample("65914A11AE2D68DE1308988C5F4EE1D1414F6E22.pub.asc"));

    assertThatThrownBy(() -> file.unlock(key, "not pw".toCharArray()))
        .isExactlyInstanceOf(PGPException.class)
        .hasMessageContaining("wrong passphrase");
  }

  @Test
  void homeWithAQuotedSaltDecryptsEndToEnd() throws Exception {
    String keygrip = "FCA90CCA6B563FFBD349E7969E184211344E22C9";
    Path home = Files.createDirectories(dir.resolve("home/private-keys-v1.d")).getParent();
    Files.copy(sample(keygrip + ".key"), home.resolve("private-keys-v1.d/" + keygrip + ".key"));
    Files.copy(sample(keygrip + ".pub.asc"), home.resolve("pubring.gpg"));
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(home)
            .passphrases(forWhat -> Optional.of(PASSPHRASE.clone()))
            .build();
    List<Recipient> to = Recipients.resolve(List.of(keys.secretKeys().get(0).fingerprint()), keys);
    byte[] message =
        Encryptor.encrypt("A=1\n".getBytes(StandardCharsets.UTF_8), to, keys, false, "x");

    assertThat(new Decryptor(keys).decrypt(message, "x.gpg").plaintext())
        .isEqualTo("A=1\n".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The fixture dev key rewritten with every other encoding libgcrypt accepts (salt as a quoted
   * string of octal, hex and raw bytes, nonce in base64, count verbatim, folded at spaces): the
   * real gpg still decrypts with it, which proves the rewrite is the same key, and so does
   * envshift.
   */
  @Test
  void reEncodedKeyFileReadsLikeGpgReadsIt() throws IOException {
    Path home = copyHomeWithoutTheDeployKey(dir.resolve("gnupg"));
    Path keyFile = home.resolve("private-keys-v1.d/" + DEV_SUBKEY + ".key");
    Files.write(keyFile, reEncoded(Files.readAllBytes(keyFile)));
    byte[] message =
        Files.readAllBytes(FIXTURES.resolve("repos/dotenv-envs/configs/.env.staging.gpg"));
    String passphrase = Files.readString(FIXTURES.resolve("keys/dev-cv25519.passphrase"));

    try (Gpg gpg = Gpg.create(home)) {
      assertThat(gpg.decrypt(message, passphrase).exitCode()).as("gpg reads the rewrite").isZero();
    }
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(home)
            .passphrases(forWhat -> Optional.of(passphrase.toCharArray()))
            .build();
    DecryptedFile file = new Decryptor(keys).decrypt(message, "configs/.env.staging.gpg");
    assertThat(file.decryptedWith()).contains(KeyId.parse("D2AFDF4F16C019D1"));
  }

  @Test
  void unsupportedProtectionIsReportedAsUnreadableNotAsAWrongPassphrase() throws IOException {
    Path home = copyHomeWithoutTheDeployKey(dir.resolve("cbc"));
    Path keyFile = home.resolve("private-keys-v1.d/" + DEV_SUBKEY + ".key");
    Files.writeString(
        keyFile,
        Files.readString(keyFile, StandardCharsets.ISO_8859_1)
            .replace("openpgp-s2k3-ocb-aes", "openpgp-s2k9-sha9-aes-gcm"),
        StandardCharsets.ISO_8859_1);
    byte[] message =
        Files.readAllBytes(FIXTURES.resolve("repos/dotenv-envs/configs/.env.staging.gpg"));
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(home)
            .passphrases(forWhat -> Optional.of("anything".toCharArray()))
            .build();

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, "configs/.env.staging.gpg"))
        .isInstanceOfSatisfying(
            DecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.NO_MATCHING_KEY))
        .hasMessageContaining("key D2AFDF4F16C019D1 (Dev Tester (TEST ONLY) <dev@example.org>)")
        .hasMessageContaining("could not be read")
        .hasMessageContaining("unsupported key protection openpgp-s2k9-sha9-aes-gcm")
        .hasMessageNotContaining("wrong passphrase");
  }

  private static byte[] reEncoded(byte[] original) {
    String value =
        new String(ExtendedKeyFormat.keyExpression(original), StandardCharsets.ISO_8859_1);
    Matcher m =
        Pattern.compile("\\(sha1 #([0-9A-F]{16})# \"(\\d+)\"\\)#([0-9A-F]{24})#").matcher(value);
    assertThat(m.find()).as("fixture key has hex salt and nonce").isTrue();
    byte[] salt = HexFormat.of().parseHex(m.group(1));
    String count = m.group(2);
    byte[] nonce = HexFormat.of().parseHex(m.group(3));
    String rewritten =
        "(sha1 \""
            + quoted(salt)
            + "\" "
            + count.length()
            + ":"
            + count
            + ")|"
            + java.util.Base64.getEncoder().encodeToString(nonce)
            + "|";
    String key = value.substring(0, m.start()) + rewritten + value.substring(m.end());
    return ("Created: 20261129T032615\n" + fold("Key: " + key))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Octal for the first byte, \x for the second, raw (high or printable) bytes for the rest. */
  private static String quoted(byte[] bytes) {
    StringBuilder s =
        new StringBuilder(String.format("\\%03o\\x%02x", bytes[0] & 0xff, bytes[1] & 0xff));
    for (int i = 2; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean raw = b >= 0xa1 || (b >= 0x20 && b < 0x7f && b != '"' && b != '\\');
      s.append(raw ? String.valueOf((char) b) : String.format("\\x%02x", b));
    }
    return s.toString();
  }

  /** Folds like GnuPG: break at a space before column 70; the next line starts with " ". */
  private static String fold(String line) {
    StringBuilder out = new StringBuilder();
    String rest = line;
    while (rest.length() > 70) {
      int at = rest.lastIndexOf(' ', 69);
      at = at > 40 ? at : 70;
      out.append(rest, 0, at).append("\n ");
      rest = rest.substring(at);
    }
    return out.append(rest).append('\n').toString();
  }

  private static Path copyHomeWithoutTheDeployKey(Path target) throws IOException {
    Path keys = Files.createDirectories(target.resolve("private-keys-v1.d"));
    Path source = FIXTURES.resolve("gnupg-home");
    Files.copy(source.resolve("pubring.kbx"), target.resolve("pubring.kbx"));
    Files.copy(source.resolve("trustdb.gpg"), target.resolve("trustdb.gpg"));
    for (String keygrip : List.of(DEV_SUBKEY, "A3E23D37A825FE3837847B3425F007A13F7E9735")) {
      Files.copy(
          source.resolve("private-keys-v1.d/" + keygrip + ".key"), keys.resolve(keygrip + ".key"));
    }
    return target;
  }
}
