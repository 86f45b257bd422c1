package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.Gpg.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving recipients by fingerprint, key id or email against a public keyring. */
class RecipientsTest {
  private static final String OPS = "Ops Team <Ops@Example.org>";
  private static final String TWIN_A = "Twin A <twin@example.org>";
  private static final String TWIN_B = "Twin B <twin@example.org>";
  private static final String OLD = "Old Timer <old@example.org>";
  private static final String ROTATED = "Rotated <rotated@example.org>";

  @TempDir static Path dir;
  static Gpg gpg;
  static KeyRing keys;
  static String opsFingerprint;

  @BeforeAll
  static void makeKeys() throws Exception {
    gpg = Gpg.create(dir.resolve("home"));
    opsFingerprint = gpg.generateKey(OPS, KeyType.RSA2048, "");
    gpg.generateKey(TWIN_A, KeyType.CV25519, "");
    gpg.generateKey(TWIN_B, KeyType.CV25519, "");
    // Curve keys, quick to make: these claims are about dates and revocation, not algorithms.
    String faked = "--faked-system-time=20200101T000000";
    gpg.keyCommand("", faked, "--quick-gen-key", OLD, "ed25519", "sign,cert", "never");
    gpg.keyCommand("", faked, "--quick-add-key", gpg.fingerprint(OLD), "cv25519", "encr", "1y");
    String made = "--faked-system-time=20210101T000000";
    gpg.keyCommand("", made, "--quick-gen-key", ROTATED, "ed25519", "sign,cert", "never");
    String rotated = gpg.fingerprint(ROTATED);
    gpg.keyCommand("", made, "--quick-add-key", rotated, "cv25519", "encr", "never");
    // a day later, so the second subkey is strictly newer (no sleeping for it)
    String later = "--faked-system-time=20210102T000000";
    gpg.keyCommand("", later, "--quick-add-key", rotated, "cv25519", "encr", "never");
    gpg.revokeSubkey(rotated, 2);
    keys =
        KeyRing.builder()
            .publicKeyFile(Files.write(dir.resolve("pubring.gpg"), gpg.exportAllPublic()))
            .build();
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  @Test
  void fingerprintLongKeyIdAndEmailAllResolveToTheEncryptionSubkey() {
    String keyId = opsFingerprint.substring(24);
    Recipient expected =
        new Recipient(KeyId.parse(gpg.encryptionSubkeyId(OPS)), opsFingerprint, List.of(OPS));

    assertThat(Recipients.resolve(List.of(opsFingerprint), keys)).containsExactly(expected);
    assertThat(Recipients.resolve(List.of("0x" + keyId.toLowerCase()), keys))
        .containsExactly(expected);
    assertThat(Recipients.resolve(List.of("ops@EXAMPLE.ORG"), keys)).containsExactly(expected);
    assertThat(Recipients.resolve(List.of("<ops@example.org>"), keys)).containsExactly(expected);
  }

  @Test
  void theSameKeyNamedTwiceIsOneRecipient() {
    assertThat(Recipients.resolve(List.of(opsFingerprint, "ops@example.org"), keys)).hasSize(1);
  }

  @Test
  void anEmailMustMatchTheWholeAddress() {
    assertThatThrownBy(() -> Recipients.resolve(List.of("ops@example"), keys))
        .isInstanceOf(KeyException.class)
        .hasMessage("recipient 'ops@example' matches no key in the loaded keyrings");
  }

  @Test
  void anIdMatchingSeveralKeysNamesThem() {
    assertThatThrownBy(() -> Recipients.resolve(List.of("twin@example.org"), keys))
        .isInstanceOf(KeyException.class)
        .hasMessageStartingWith("recipient 'twin@example.org' matches 2 keys (")
        .hasMessageContaining(TWIN_A)
        .hasMessageContaining(TWIN_B)
        .hasMessageEndingWith("); use a fingerprint");
  }

  @Test
  void aKeyWhoseOnlyEncryptionSubkeyExpiredIsAClearError() {
    assertThatThrownBy(() -> Recipients.resolve(List.of("old@example.org"), keys))
        .isInstanceOf(KeyException.class)
        .hasMessage(
            "recipient 'old@example.org': key "
                + gpg.fingerprint(OLD).substring(24)
                + " ("
                + OLD
                + "): its encryption subkey expired on 2020-12-31");
  }

  @Test
  void aRevokedSubkeyIsSkippedForTheOlderValidOne() {
    List<Recipient> resolved = Recipients.resolve(List.of("rotated@example.org"), keys);

    assertThat(resolved)
        .extracting(Recipient::keyId)
        .containsExactly(KeyId.parse(gpg.encryptionSubkeyId(ROTATED)));
  }

  @Test
  void somethingThatIsNoKindOfIdIsRejected() {
    assertThatThrownBy(() -> Recipients.resolve(List.of("Ops Team"), keys))
        .isInstanceOf(KeyException.class)
        .hasMessage(
            "recipient 'Ops Team': give a fingerprint, a 16-digit key id or an email address");
  }
}
