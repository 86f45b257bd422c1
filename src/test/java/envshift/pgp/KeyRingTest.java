package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading keys: what is listed, what is named, and how unusable sources are reported. */
class KeyRingTest {
  private static final String PLAIN = TestKeys.CV;
  private static final String LOCKED = TestKeys.CV_LOCKED;
  private static final String PUBLIC_ONLY = TestKeys.CV_OTHER;
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;

  @TempDir static Path dir;
  static Gpg gpg;
  static Path secrets;
  static String plainFingerprint;
  static String lockedFingerprint;

  @BeforeAll
  static void makeKeys() throws Exception {
    gpg = TestKeys.home(dir.resolve("home"), PLAIN, LOCKED, PUBLIC_ONLY);
    plainFingerprint = gpg.fingerprint(PLAIN);
    lockedFingerprint = gpg.fingerprint(LOCKED);
    byte[] plain = gpg.exportSecret(PLAIN, true, "");
    byte[] locked = gpg.exportSecret(LOCKED, true, PASSPHRASE);
    secrets = Files.write(dir.resolve("secrets.asc"), concat(plain, locked));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = new byte[a.length + b.length];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static KeyInfo info(String fingerprint, String userId, boolean locked) {
    return new KeyInfo(KeyId.parse(fingerprint), fingerprint, java.util.List.of(userId), locked);
  }

  @Test
  void secretKeysFromAnExportAreListedByPrimaryKeyWithTheirProtection() {
    KeyRing keys = KeyRing.builder().secretKeyFile(secrets).build();

    assertThat(keys.secretKeys())
        .containsExactly(
            info(plainFingerprint, PLAIN, false), info(lockedFingerprint, LOCKED, true));
  }

  @Test
  void secretKeysFromAGnupgHomeAreListedTheSameWay() {
    KeyRing keys = KeyRing.builder().gnupgHome(gpg.home()).build();

    assertThat(keys.secretKeys())
        .contains(info(plainFingerprint, PLAIN, false), info(lockedFingerprint, LOCKED, true))
        .hasSize(3);
  }

  @Test
  void noPassphraseIsAskedWhileLoading() {
    KeyRing.builder()
        .secretKeyFile(secrets)
        .gnupgHome(gpg.home())
        .passphrases(
            forWhat -> {
              throw new AssertionError("asked for " + forWhat);
            })
        .build();
  }

  @Test
  void describeNamesPrimaryKeysAndSubkeysFromAKeyboxUsedAsRepoKeyring() throws Exception {
    Path keybox = Files.copy(gpg.home().resolve("pubring.kbx"), dir.resolve("repo-pubring.kbx"));
    KeyRing keys = KeyRing.builder().publicKeyFile(keybox).build();

    assertThat(keys.describe(KeyId.parse(gpg.encryptionSubkeyId(PUBLIC_ONLY))))
        .contains(PUBLIC_ONLY);
    assertThat(keys.describe(KeyId.parse(plainFingerprint))).contains(PLAIN);
    assertThat(keys.describe(new KeyId(42))).isEmpty();
    assertThat(keys.secretKeys()).isEmpty();
  }

  @Test
  void aMissingFileIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope.asc");

    assertThatThrownBy(() -> KeyRing.builder().secretKeyFile(missing).build())
        .isInstanceOf(KeyException.class)
        .hasMessage(missing + ": cannot read (NoSuchFileException)");
  }

  @Test
  void aFileThatHoldsNoKeysIsAnErrorNamingIt() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.asc"), "not a key\n");

    assertThatThrownBy(() -> KeyRing.builder().publicKeyFile(junk).build())
        .isInstanceOf(KeyException.class)
        .hasMessage(junk + ": not a readable OpenPGP key file or keybox");
  }

  @Test
  void aPublicExportGivenAsSecretKeysIsAnErrorSayingSo() throws Exception {
    Path publicKey = Files.write(dir.resolve("public.asc"), gpg.exportPublic(PLAIN, true));

    assertThatThrownBy(() -> KeyRing.builder().secretKeyFile(publicKey).build())
        .isInstanceOf(KeyException.class)
        .hasMessage(publicKey + ": holds no secret keys (is it a public key export?)");
  }

  @Test
  void aGnupgHomeThatIsNotADirectoryIsAnError() {
    Path missing = dir.resolve("no-such-home");

    assertThatThrownBy(() -> KeyRing.builder().gnupgHome(missing).build())
        .isInstanceOf(KeyException.class)
        .hasMessage(missing + ": GnuPG home is not a directory");
  }

  @Test
  void aKeyFileNoKnownKeyNamesIsNeverOpened() throws Exception {
    Path home = Files.createDirectories(dir.resolve("corrupt").resolve("private-keys-v1.d"));
    Path bad =
        Files.write(
            home.resolve("0000.key"),
            "Key: (private-key (rsa (n #zz".getBytes(StandardCharsets.US_ASCII));

    KeyRing keys = KeyRing.builder().gnupgHome(home.getParent()).build();

    // key files are opened by the keygrips of known keys only, so this one is never read
    assertThat(keys.storedSecretKeys()).isEmpty();
    assertThat(keys.searched())
        .contains("GnuPG home " + home.getParent() + " (1 key files in private-keys-v1.d")
        .doesNotContain(bad.getFileName().toString());
  }
}
