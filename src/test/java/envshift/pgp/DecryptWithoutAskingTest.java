package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Decryptor#decryptWithoutAsking}, what a read-ahead thread uses: it decrypts only with keys
 * ready without asking, and leaves (empty) whatever the asking path could have to ask, warn or open
 * a key file for; it never calls the passphrase source.
 */
class DecryptWithoutAskingTest {
  private static final String RSA = TestKeys.RSA;
  private static final String LOCKED = TestKeys.RSA_LOCKED;
  private static final String CV = TestKeys.CV;
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;
  private static final String LABEL = "configs/app.py.gpg";
  private static final byte[] PLAINTEXT =
      "SECRET_KEY = 'canary-ahead-77'\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg gpg;
  static Path rsaExport;
  static Path lockedExport;

  @BeforeAll
  static void makeKeys() throws IOException {
    gpg = TestKeys.home(dir.resolve("gnupg"), RSA, LOCKED, CV);
    rsaExport = Files.write(dir.resolve("rsa.asc"), gpg.exportSecret(RSA, true, ""));
    lockedExport =
        Files.write(dir.resolve("locked.asc"), gpg.exportSecret(LOCKED, true, PASSPHRASE));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  /** Keys from {@code exports}, every passphrase request recorded (and answered). */
  private static KeyRing keys(List<String> asked, Path... exports) {
    KeyRing.Builder builder = KeyRing.builder().passphrases(forWhat -> {
      asked.add(forWhat);
      return Optional.of(PASSPHRASE.toCharArray());
    });
    for (Path export : exports) {
      builder.secretKeyFile(export);
    }
    return builder.build();
  }

  @Test
  void aReadyKeyDecryptsAsTheAskingPathDoes() {
    List<String> asked = new ArrayList<>();
    Decryptor decryptor = new Decryptor(keys(asked, rsaExport));
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA));

    Optional<DecryptedFile> file = decryptor.decryptWithoutAsking(message, LABEL);

    assertThat(file).isPresent();
    assertThat(file.get().plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.get().decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(RSA)));
    assertThat(asked).isEmpty();
  }

  @Test
  void aLockedKeyIsLeftToTheAskingPathThenReadyOnceItUnlockedIt() {
    List<String> asked = new ArrayList<>();
    Decryptor decryptor = new Decryptor(keys(asked, lockedExport));
    byte[] first = gpg.encrypt(PLAINTEXT, List.of(LOCKED));
    byte[] second = gpg.encrypt(PLAINTEXT, List.of(LOCKED));

    assertThat(decryptor.decryptWithoutAsking(second, LABEL)).isEmpty();
    assertThat(asked).as("never asks").isEmpty();

    decryptor.decrypt(first, LABEL).close();
    assertThat(asked).hasSize(1);
    Optional<DecryptedFile> file = decryptor.decryptWithoutAsking(second, LABEL);
    assertThat(file).isPresent();
    assertThat(file.get().plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).as("the key unlocked by the asking path is ready").hasSize(1);
  }

  @Test
  void aLockedCandidateDoesNotStopAReadyKeyThatOpensIt() {
    List<String> asked = new ArrayList<>();
    Decryptor decryptor = new Decryptor(keys(asked, lockedExport, rsaExport));
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(LOCKED, RSA));

    assertThat(decryptor.decryptWithoutAsking(message, LABEL)).isPresent();
    assertThat(asked).isEmpty();
  }

  @Test
  void aSymmetricMessageIsLeftToTheAskingPath() {
    List<String> asked = new ArrayList<>();
    Decryptor decryptor = new Decryptor(keys(asked, rsaExport));
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE);

    assertThat(decryptor.decryptWithoutAsking(message, LABEL)).isEmpty();
    assertThat(asked).isEmpty();
    assertThat(decryptor.decrypt(message, LABEL).plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).containsExactly("symmetric message " + LABEL);
  }

  @Test
  void aMessageWithoutMdcIsLeftToTheAskingPathWhichWarnsOrRefusedAsItIs() throws Exception {
    byte[] message = withoutMdc(PLAINTEXT);
    List<String> warnings = new ArrayList<>();
    KeyRing lenient = KeyRing.builder().secretKeyFile(rsaExport)
        .decryptOptions(new DecryptOptions(true, warnings::add)).build();

    assertThat(new Decryptor(lenient).decryptWithoutAsking(message, LABEL)).isEmpty();
    assertThat(warnings).as("the warning is the asking path's, in order").isEmpty();

    KeyRing strict = KeyRing.builder().secretKeyFile(rsaExport).build();
    String refusal = LABEL + ": not integrity protected (no MDC); refusing to decrypt"
        + " (give --allow-no-mdc to decrypt it anyway)";
    assertThatThrownBy(() -> new Decryptor(strict).decryptWithoutAsking(message, LABEL))
        .isInstanceOf(DecryptionException.class).hasMessage(refusal);
    assertThatThrownBy(() -> new Decryptor(strict).decrypt(message, LABEL))
        .isInstanceOf(DecryptionException.class).hasMessage(refusal);
  }

  @Test
  void noMatchingKeyAndCorruptDataFailAsTheAskingPathFails() {
    Decryptor decryptor = new Decryptor(keys(new ArrayList<>(), rsaExport));
    byte[] forCv = gpg.encrypt(PLAINTEXT, List.of(CV));
    byte[] corrupt = gpg.encrypt(PLAINTEXT, List.of(RSA));
    corrupt[corrupt.length - 5] ^= 0x40;

    for (byte[] message : List.of(forCv, corrupt)) {
      String expected = catchMessage(() -> decryptor.decrypt(message, LABEL));
      assertThatThrownBy(() -> decryptor.decryptWithoutAsking(message, LABEL))
          .isInstanceOf(DecryptionException.class).hasMessage(expected);
    }
  }

  @Test
  void aGnupgKeyFileNotOpenedYetIsLeftToTheAskingPathWhichOpensItInOrder() {
    List<String> asked = new ArrayList<>();
    KeyRing keys = KeyRing.builder().gnupgHome(gpg.home()).passphrases(forWhat -> {
      asked.add(forWhat);
      return Optional.empty();
    }).build();
    Decryptor decryptor = new Decryptor(keys);
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(CV));

    assertThat(decryptor.decryptWithoutAsking(message, LABEL))
        .as("opening it could name an unreadable file in an earlier file's error").isEmpty();
    decryptor.decrypt(message, LABEL).close();
    assertThat(decryptor.decryptWithoutAsking(message, LABEL)).isPresent();
    assertThat(asked).isEmpty();
  }

  @Test
  void aHiddenRecipientWaitsForEveryKeyFileToHaveBeenOpened() {
    KeyRing keys = KeyRing.builder().gnupgHome(gpg.home()).build();
    Decryptor decryptor = new Decryptor(keys);
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(), "--hidden-recipient", RSA);

    assertThat(decryptor.decryptWithoutAsking(message, LABEL)).isEmpty();
    decryptor.decrypt(message, LABEL).close();
    assertThat(decryptor.decryptWithoutAsking(message, LABEL)).isPresent();
  }

  private static String catchMessage(Runnable failing) {
    try {
      failing.run();
    } catch (DecryptionException e) {
      return e.getMessage();
    }
    throw new AssertionError("did not fail");
  }

  /** A legacy SED message (no MDC) to the RSA key, which gpg 2.2 no longer writes for it. */
  private static byte[] withoutMdc(byte[] plaintext) throws IOException, PGPException {
    PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
        new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
            .setWithIntegrityPacket(false)
            .setSecureRandom(new SecureRandom()));
    generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(
        DecryptorTest.encryptionKey(gpg.exportPublic(RSA, false))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encrypted = generator.open(out, new byte[1 << 12]);
        OutputStream literal = new PGPLiteralDataGenerator().open(encrypted,
            PGPLiteralData.BINARY, "app.py", plaintext.length, new Date())) {
      literal.write(plaintext);
    }
    return out.toByteArray();
  }
}
