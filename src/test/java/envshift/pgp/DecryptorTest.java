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
import java.util.Random;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gpg 2.2 encrypts, envshift decrypts, with keys given as {@code gpg --export-secret-keys} files.
 */
class DecryptorTest {
  private static final String RSA = TestKeys.RSA;
  private static final String CV = TestKeys.CV;
  private static final String LOCKED = TestKeys.RSA_LOCKED;
  private static final String ELGAMAL = TestKeys.ELGAMAL;
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;
  private static final byte[] PLAINTEXT =
      "SECRET_KEY = 'django-insecure-canary-8d7f'\nDEBUG = False\n"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg gpg;
  static Path rsaExport;
  static Path cvExport;
  static Path lockedExport;
  static Path elgamalExport;

  @BeforeAll
  static void makeKeys() throws IOException {
    gpg = TestKeys.home(dir.resolve("gnupg"), RSA, CV, LOCKED, ELGAMAL);
    rsaExport = Files.write(dir.resolve("rsa.asc"), gpg.exportSecret(RSA, true, ""));
    cvExport = Files.write(dir.resolve("cv.gpg"), gpg.exportSecret(CV, false, ""));
    elgamalExport = Files.write(dir.resolve("elg.asc"), gpg.exportSecret(ELGAMAL, true, ""));
    lockedExport =
        Files.write(dir.resolve("locked.asc"), gpg.exportSecret(LOCKED, true, PASSPHRASE));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  private static DecryptedFile decrypt(byte[] message, Path... exports) {
    KeyRing.Builder keys = KeyRing.builder();
    for (Path export : exports) {
      keys.secretKeyFile(export);
    }
    return new Decryptor(keys.build()).decrypt(message, "configs/app.py.gpg");
  }

  @Test
  void rsaBinaryMessageDecryptsWithTheExportedKey() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA), "--set-filename", "app.py");

    DecryptedFile file = decrypt(message, rsaExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    KeyId subkey = KeyId.parse(gpg.encryptionSubkeyId(RSA));
    assertThat(file.recipients()).containsExactly(subkey);
    assertThat(file.decryptedWith()).contains(subkey);
    assertThat(file.symmetric()).isFalse();
    assertThat(file.method()).startsWith("SEIPDv1 AES");
    assertThat(file.literalFileName()).isEqualTo("app.py");
    assertThat(file.signers()).isEmpty();
  }

  @Test
  void rsaArmoredMessageDecrypts() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA), "--armor");
    assertThat(new String(message, StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP MESSAGE");

    assertThat(decrypt(message, rsaExport).plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void armorAfterAByteOrderMarkAndBlankLinesDecrypts() {
    byte[] armored = gpg.encrypt(PLAINTEXT, List.of(RSA), "--armor");
    byte[] prefix = "\uFEFF\n\n".getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[prefix.length + armored.length];
    System.arraycopy(prefix, 0, message, 0, prefix.length);
    System.arraycopy(armored, 0, message, prefix.length, armored.length);

    assertThat(decrypt(message, rsaExport).plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void cv25519MessageDecryptsWithABinaryExport() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(CV));

    DecryptedFile file = decrypt(message, cvExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(CV)));
  }

  @Test
  void elgamalMessageForAnOldDsaKeyDecrypts() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(ELGAMAL));

    DecryptedFile file = decrypt(message, elgamalExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(ELGAMAL)));
  }

  @Test
  void anUnprotectedKeyIsTriedBeforeAnyPassphraseIsAskedFor() {
    List<String> asked = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .secretKeyFile(lockedExport)
            .secretKeyFile(rsaExport)
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(LOCKED, RSA));

    DecryptedFile file = new Decryptor(keys).decrypt(message, "configs/app.py.gpg");

    assertThat(file.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(RSA)));
    assertThat(asked).isEmpty();
  }

  @Test
  void aMessageForTwoRecipientsDecryptsWithEitherKeyAlone() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA, CV));

    DecryptedFile withRsa = decrypt(message, rsaExport);
    DecryptedFile withCv = decrypt(message, cvExport);

    assertThat(withRsa.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(withCv.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(withRsa.recipients())
        .containsExactlyInAnyOrder(
            KeyId.parse(gpg.encryptionSubkeyId(RSA)), KeyId.parse(gpg.encryptionSubkeyId(CV)));
    assertThat(withCv.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(CV)));
  }

  @Test
  void symmetricMessagesDecryptWithThePassphraseBinaryAndArmored() {
    List<String> asked = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();
    Decryptor decryptor = new Decryptor(keys);

    DecryptedFile binary =
        decryptor.decrypt(gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE), "configs/app.py.gpg");
    DecryptedFile armored =
        decryptor.decrypt(
            gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE, "--armor"), "configs/app.py.asc");

    assertThat(binary.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(armored.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(binary.symmetric()).isTrue();
    assertThat(binary.decryptedWith()).isEmpty();
    assertThat(binary.recipients()).isEmpty();
    assertThat(asked)
        .containsExactly(
            "symmetric message configs/app.py.gpg", "symmetric message configs/app.py.asc");
  }

  @Test
  void signedAndEncryptedMessageReportsTheSignerWithoutNeedingItsKey() {
    byte[] message =
        gpg.encrypt(PLAINTEXT, List.of(CV), "--sign", "--local-user", gpg.fingerprint(RSA));

    DecryptedFile file = decrypt(message, cvExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.signers()).containsExactly(KeyId.parse(gpg.fingerprint(RSA)));
  }

  @Test
  void uncompressedMessageDecrypts() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(RSA), "--compress-algo", "none");

    assertThat(decrypt(message, rsaExport).plaintext()).isEqualTo(PLAINTEXT);
  }

  @Test
  void hiddenRecipientIsFoundByTryingEveryKey() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(), "--hidden-recipient", RSA);

    DecryptedFile file = decrypt(message, cvExport, rsaExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.recipients()).containsExactly(KeyId.WILDCARD);
    assertThat(file.decryptedWith()).contains(KeyId.parse(gpg.encryptionSubkeyId(RSA)));
  }

  @Test
  void largePipedMessageWithPartialLengthPacketsDecrypts() {
    byte[] large = new byte[3 << 20];
    new Random(42).nextBytes(large); // incompressible, so the encrypted packet is large too
    byte[] message = gpg.encrypt(large, List.of(RSA));
    assertThat(encryptedPacketLengthOctet(message)).as("partial body length").isBetween(224, 254);

    assertThat(decrypt(message, rsaExport).plaintext()).isEqualTo(large);
  }

  @Test
  void protectedExportAsksForThePassphraseOnceForManyFiles() {
    List<String> asked = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .secretKeyFile(lockedExport)
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();
    Decryptor decryptor = new Decryptor(keys);

    for (int i = 0; i < 3; i++) {
      byte[] message = gpg.encrypt(PLAINTEXT, List.of(LOCKED));
      assertThat(decryptor.decrypt(message, "f" + i + ".gpg").plaintext()).isEqualTo(PLAINTEXT);
    }

    assertThat(asked)
        .containsExactly("key " + gpg.encryptionSubkeyId(LOCKED) + " (" + LOCKED + ")");
  }

  @Test
  void ocbMessageDecrypts() throws Exception {
    // gpg 2.2 cannot write the LibrePGP OCB packet (tag 20) that GnuPG 2.4 emits, so Bouncy
    // Castle's own
    // OCB encryption stands in for it here.
    PGPPublicKey key = encryptionKey(gpg.exportPublic(RSA, false));
    byte[] message = bouncyCastleOcbMessage(PLAINTEXT, key);
    assertThat(message[0] & 0xff).as("first packet: PKESK").isIn(0x84, 0x85, 0xc1);

    DecryptedFile file = decrypt(message, rsaExport);

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.method()).isEqualTo("OCB AES-256");
  }

  @Test
  void ocbSymmetricMessageDecrypts() throws Exception {
    // GnuPG 2.4's "gpg -c --force-ocb" (a v5 SKESK and the OCB packet), written by Bouncy Castle.
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 6)
                .setUseV5AEAD()
                .setSecureRandom(new SecureRandom()));
    generator.addMethod(
        new BcPBEKeyEncryptionMethodGenerator(
            PASSPHRASE.toCharArray(),
            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256)));
    byte[] message = literalMessage(generator, PLAINTEXT);
    KeyRing keys =
        KeyRing.builder().passphrases(forWhat -> Optional.of(PASSPHRASE.toCharArray())).build();

    DecryptedFile file = new Decryptor(keys).decrypt(message, "configs/app.py.gpg");

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(file.method()).isEqualTo("OCB AES-256");
    assertThat(file.symmetric()).isTrue();
  }

  @Test
  void hiddenRecipientWithOnlyALockedKeyAsksForItsPassphrase() {
    List<String> asked = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .secretKeyFile(lockedExport)
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(), "--hidden-recipient", LOCKED);

    DecryptedFile file = new Decryptor(keys).decrypt(message, "configs/app.py.gpg");

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).hasSize(1);
  }

  @Test
  void aFailingPassphraseSourceIsAKeyErrorNotADecryptionFailure() {
    KeyRing keys =
        KeyRing.builder()
            .secretKeyFile(lockedExport)
            .passphrases(
                forWhat -> {
                  throw new IllegalStateException("no console");
                })
            .build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(LOCKED));

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, "configs/app.py.gpg"))
        .isInstanceOf(KeyException.class)
        .hasMessage(
            "cannot get the passphrase for key "
                + gpg.encryptionSubkeyId(LOCKED)
                + " ("
                + LOCKED
                + ") (IllegalStateException)");
  }

  static PGPPublicKey encryptionKey(byte[] publicExport) throws IOException {
    PGPPublicKeyRing ring =
        new PGPPublicKeyRing(
            PGPUtil.getDecoderStream(new java.io.ByteArrayInputStream(publicExport)),
            new BcKeyFingerprintCalculator());
    PGPPublicKey found = null;
    for (PGPPublicKey key : ring) {
      if (!key.isMasterKey() && key.isEncryptionKey()) {
        found = key;
      }
    }
    return found;
  }

  static byte[] bouncyCastleOcbMessage(byte[] plaintext, PGPPublicKey key)
      throws IOException, PGPException {
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithAEAD(AEADAlgorithmTags.OCB, 6)
                .setUseV5AEAD()
                .setSecureRandom(new SecureRandom()));
    generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
    return literalMessage(generator, plaintext);
  }

  private static byte[] literalMessage(PGPEncryptedDataGenerator generator, byte[] plaintext)
      throws IOException, PGPException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encrypted = generator.open(out, new byte[1 << 12])) {
      PGPCompressedDataGenerator zip = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
      try (OutputStream compressed = zip.open(encrypted);
          OutputStream literal =
              new PGPLiteralDataGenerator()
                  .open(
                      compressed, PGPLiteralData.BINARY, "app.py", plaintext.length, new Date())) {
        literal.write(plaintext);
      }
    }
    return out.toByteArray();
  }

  /** The first length octet of the packet after the first (PKESK) one: 224-254 means partial. */
  private static int encryptedPacketLengthOctet(byte[] message) {
    int header = message[0] & 0xff;
    int length;
    int pos;
    if ((header & 0x40) == 0) { // old format, as gpg writes PKESKs
      int type = header & 3;
      int octets = 1 << type;
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (message[1 + i] & 0xff);
      }
      pos = 1 + octets + length;
    } else {
      length = message[1] & 0xff;
      pos = 2 + length;
    }
    return message[pos + 1] & 0xff;
  }
}
