package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** envshift encrypts, gpg 2.2 decrypts, in homes that each hold only one recipient's key. */
class EncryptorTest {
  private static final String ALICE = TestKeys.RSA;
  private static final String BOB = TestKeys.CV;
  private static final byte[] PLAINTEXT =
      "API_TOKEN=canary-enc-0042\nREGION=eu\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg alice;
  static Gpg bob;
  static KeyRing publicKeys;

  @BeforeAll
  static void makeKeys() throws Exception {
    alice = TestKeys.home(dir.resolve("alice"), ALICE);
    bob = TestKeys.home(dir.resolve("bob"), BOB);
    publicKeys =
        KeyRing.builder()
            .publicKeyFile(Files.write(dir.resolve("alice.asc"), alice.exportPublic(ALICE, true)))
            .publicKeyFile(Files.write(dir.resolve("bob.gpg"), bob.exportPublic(BOB, false)))
            .build();
  }

  @AfterAll
  static void stopAgents() {
    alice.close();
    bob.close();
  }

  private static byte[] encrypt(boolean armor, String... to) {
    List<Recipient> recipients = Recipients.resolve(List.of(to), publicKeys);
    return Encryptor.encrypt(PLAINTEXT, recipients, publicKeys, armor, "app.env");
  }

  @Test
  void binaryMessageDecryptsWithGpg() {
    Gpg.Result result = alice.decrypt(encrypt(false, "rsa@example.org"), "");

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).isEqualTo(PLAINTEXT);
  }

  @Test
  void armoredMessageCarriesTheCrcLineAndDecryptsWithGpg() {
    byte[] message = encrypt(true, "rsa@example.org");
    String text = new String(message, StandardCharsets.US_ASCII);

    assertThat(text).startsWith("-----BEGIN PGP MESSAGE-----\n");
    assertThat(text).containsPattern("\n=[A-Za-z0-9+/]{4}\n-----END PGP MESSAGE-----");
    Gpg.Result result = alice.decrypt(message, "");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).doesNotContain("invalid radix64");
    assertThat(result.stdout()).isEqualTo(PLAINTEXT);
  }

  @Test
  void twoRecipientsEachDecryptAloneInTheirOwnHome() {
    byte[] message = encrypt(true, "rsa@example.org", "cv@example.org");

    Gpg.Result byAlice = alice.decrypt(message, "");
    Gpg.Result byBob = bob.decrypt(message, "");

    assertThat(byAlice.exitCode()).as(byAlice.stderr()).isZero();
    assertThat(byBob.exitCode()).as(byBob.stderr()).isZero();
    assertThat(byAlice.stdout()).isEqualTo(PLAINTEXT);
    assertThat(byBob.stdout()).isEqualTo(PLAINTEXT);
  }

  @Test
  void gpgSeesAesSeipdWithMdcAndTheFileName() {
    Gpg.Result packets =
        alice.run(encrypt(false, "rsa@example.org"), "--verbose", "--list-packets");

    assertThat(packets.stdoutText())
        .contains("encrypted data packet:")
        .contains("mdc_method: 2")
        .contains("name=\"app.env\"");
    assertThat(packets.stderr()).contains("AES256 encrypted data");
  }

  @Test
  void ourOwnDecryptorReadsItBack() throws Exception {
    Path aliceSecret =
        Files.write(dir.resolve("alice-secret.asc"), alice.exportSecret(ALICE, true, ""));
    KeyRing keys = KeyRing.builder().secretKeyFile(aliceSecret).build();

    DecryptedFile file =
        new Decryptor(keys).decrypt(encrypt(false, "rsa@example.org"), "app.env.gpg");

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.method()).isEqualTo("SEIPDv1 AES-256");
    assertThat(file.literalFileName()).isEqualTo("app.env");
  }

  @Test
  void noRecipientsIsAnError() {
    assertThatThrownBy(() -> Encryptor.encrypt(PLAINTEXT, List.of(), publicKeys, false, "app.env"))
        .isInstanceOf(KeyException.class)
        .hasMessage("no recipients to encrypt app.env to");
  }

  @Test
  void aRecipientMissingFromTheKeyringIsAnError() {
    Recipient stranger = new Recipient(new KeyId(42), "00".repeat(20), List.of("Who <who@x.org>"));

    assertThatThrownBy(
            () -> Encryptor.encrypt(PLAINTEXT, List.of(stranger), publicKeys, false, "app.env"))
        .isInstanceOf(KeyException.class)
        .hasMessage("recipient 000000000000002A (Who <who@x.org>) is not in the loaded keyrings");
  }
}
