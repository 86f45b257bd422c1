package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.DecryptionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret keys read straight from a GnuPG home's private-keys-v1.d, without gpg or its agent. */
class DecryptorGnupgHomeTest {
  private static final String RSA = TestKeys.RSA;
  private static final String RSA_LOCKED = TestKeys.RSA_LOCKED;
  private static final String CV = TestKeys.CV;
  private static final String CV_LOCKED = TestKeys.CV_LOCKED;
  private static final String ELGAMAL = TestKeys.ELGAMAL;
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;
  private static final String LABEL = "configs/settings.py.gpg";
  private static final byte[] PLAINTEXT =
      "DATABASE_PASSWORD = 'canary-home-5150'\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg gpg;

  @BeforeAll
  static void makeKeys() {
    gpg = TestKeys.home(dir.resolve("home"), RSA, RSA_LOCKED, CV, CV_LOCKED, ELGAMAL);
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  /** Decrypts with the home, recording every passphrase request. */
  private static DecryptedFile decrypt(byte[] message, Path home, List<String> asked) {
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(home)
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();
    return new Decryptor(keys).decrypt(message, LABEL);
  }

  @Test
  void rsaKeyFromTheHomeDecryptsWithoutAskingAnyPassphrase() {
    List<String> asked = new ArrayList<>();

    DecryptedFile file = decrypt(gpg.encrypt(PLAINTEXT, List.of(RSA)), gpg.home(), asked);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(RSA)));
    assertThat(asked)
        .as("unprotected key matched by its public value, no key tried blindly")
        .isEmpty();
  }

  @Test
  void unprotectedCv25519KeyFromTheHomeDecrypts() {
    List<String> asked = new ArrayList<>();

    DecryptedFile file = decrypt(gpg.encrypt(PLAINTEXT, List.of(CV)), gpg.home(), asked);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).isEmpty();
  }

  @Test
  void protectedCv25519KeyFromTheHomeDecryptsWithItsPassphrase() {
    List<String> asked = new ArrayList<>();

    DecryptedFile file = decrypt(gpg.encrypt(PLAINTEXT, List.of(CV_LOCKED)), gpg.home(), asked);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked)
        .containsExactly("key " + gpg.encryptionSubkeyId(CV_LOCKED) + " (" + CV_LOCKED + ")");
  }

  @Test
  void protectedRsaKeyFromTheHomeDecryptsWithItsPassphrase() {
    List<String> asked = new ArrayList<>();

    DecryptedFile file = decrypt(gpg.encrypt(PLAINTEXT, List.of(RSA_LOCKED)), gpg.home(), asked);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).hasSize(1);
  }

  @Test
  void elgamalKeyFromTheHomeDecrypts() {
    DecryptedFile file =
        decrypt(gpg.encrypt(PLAINTEXT, List.of(ELGAMAL)), gpg.home(), new ArrayList<>());

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void wrongPassphraseForAHomeKeyIsBadPassphraseNamingTheKey() {
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(gpg.home())
            .passphrases(forWhat -> Optional.of("not it".toCharArray()))
            .build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(CV_LOCKED));

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, LABEL))
        .isInstanceOfSatisfying(
            DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PASSPHRASE))
        .hasMessage(
            LABEL
                + ": wrong passphrase for key "
                + gpg.encryptionSubkeyId(CV_LOCKED)
                + " ("
                + CV_LOCKED
                + ")");
  }

  @Test
  void protectedHomeKeyWithoutAPassphraseSaysHowToGiveOne() {
    KeyRing keys = KeyRing.builder().gnupgHome(gpg.home()).build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA_LOCKED));

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, LABEL))
        .isInstanceOfSatisfying(
            DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_PASSPHRASE))
        .hasMessage(
            LABEL
                + ": key "
                + gpg.encryptionSubkeyId(RSA_LOCKED)
                + " ("
                + RSA_LOCKED
                + ") is passphrase-protected; give --passphrase-file or set ENVSHIFT_PASSPHRASE");
  }

  @Test
  void homeWithALegacyPubringGpgWorks() throws IOException {
    Path legacy = copySecretKeys(dir.resolve("legacy"));
    Files.write(legacy.resolve("pubring.gpg"), gpg.exportPublic(CV, false));

    DecryptedFile file = decrypt(gpg.encrypt(PLAINTEXT, List.of(CV)), legacy, new ArrayList<>());

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void homeWithoutAPublicKeyringWorksWithAnExportedPublicKey() throws IOException {
    Path bare = copySecretKeys(dir.resolve("bare"));
    Path publicKey = Files.write(dir.resolve("cv-public.asc"), gpg.exportPublic(CV, true));
    KeyRing keys = KeyRing.builder().gnupgHome(bare).publicKeyFile(publicKey).build();

    DecryptedFile file = new Decryptor(keys).decrypt(gpg.encrypt(PLAINTEXT, List.of(CV)), LABEL);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void keyboxdOnlyHomeIsAClearErrorSayingToExportTheKeys() throws IOException {
    Path keyboxd = copySecretKeys(dir.resolve("keyboxd"));
    Files.createDirectories(keyboxd.resolve("public-keys.d"));
    Files.write(keyboxd.resolve("public-keys.d").resolve("pubring.db"), new byte[] {0});

    assertThatThrownBy(() -> KeyRing.builder().gnupgHome(keyboxd).build())
        .isInstanceOf(KeyException.class)
        .hasMessageStartingWith(keyboxd + ": public keys are in keyboxd")
        .hasMessageContaining("export the keys instead");
  }

  @Test
  void shadowedSmartcardKeyIsAClearError() throws IOException {
    Path shadowed = dir.resolve("shadowed");
    Files.createDirectories(shadowed.resolve("private-keys-v1.d"));
    Files.copy(gpg.home().resolve("pubring.kbx"), shadowed.resolve("pubring.kbx"));
    String keygrip = gpg.encryptionSubkeyKeygrip(RSA);
    Path keyFile = gpg.home().resolve("private-keys-v1.d").resolve(keygrip + ".key");
    Files.writeString(
        shadowed.resolve("private-keys-v1.d").resolve(keygrip + ".key"),
        shadowedCopy(Files.readString(keyFile)));
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA));

    assertThatThrownBy(() -> decrypt(message, shadowed, new ArrayList<>()))
        .isInstanceOfSatisfying(
            DecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_KEY))
        .hasMessageStartingWith(LABEL + ": key " + gpg.encryptionSubkeyId(RSA) + " (" + RSA + ")")
        .hasMessageContaining("is stored on a smartcard");
  }

  private static Path copySecretKeys(Path target) throws IOException {
    Path keys = Files.createDirectories(target.resolve("private-keys-v1.d"));
    try (var files = Files.list(gpg.home().resolve("private-keys-v1.d"))) {
      for (Path file : files.toList()) {
        Files.copy(file, keys.resolve(file.getFileName()));
      }
    }
    return target;
  }

  /** What GnuPG keeps for a key moved to a card: the public values and a card serial number. */
  private static String shadowedCopy(String unprotectedRsaKeyFile) {
    String flat = unprotectedRsaKeyFile.replaceAll("\n\\s+", " ");
    return "Created: 20260101T000000\nKey: (shadowed-private-key (rsa (n #"
        + hex(flat, "n")
        + "#)(e #"
        + hex(flat, "e")
        + "#)(shadowed t1-v1 (#D2760001240102000005000011730000# OPENPGP.2))))\n";
  }

  private static String hex(String flat, String label) {
    Matcher m = Pattern.compile("\\(" + label + " #([0-9A-F ]+)#\\)").matcher(flat);
    assertThat(m.find()).as(label + " in key file").isTrue();
    return m.group(1).replace(" ", "");
  }
}
