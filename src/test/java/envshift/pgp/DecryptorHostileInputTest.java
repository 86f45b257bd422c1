package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import envshift.pgp.DecryptionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each hostile or broken input gets one test: the reason, the one-line message naming the file, and
 * no plaintext (an exception instead of a result, and no fragment of the plaintext in any message).
 */
class DecryptorHostileInputTest {
  private static final String ME = TestKeys.RSA;
  private static final String LOCKED = TestKeys.CV_LOCKED;
  private static final String OPS = TestKeys.CV;
  private static final String OTHER = TestKeys.CV_OTHER;
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;
  private static final String LABEL = "configs/x.py.gpg";
  private static final String CANARY = "canary-plaintext-7f3a9c";
  private static final byte[] PLAINTEXT =
      ("SECRET_KEY = '" + CANARY + "'\n").repeat(20).getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg gpg;
  static Path myKeys;
  static Path opsPublicKey;

  @BeforeAll
  static void makeKeys() throws Exception {
    gpg = TestKeys.home(dir.resolve("home"), ME, LOCKED, OPS, OTHER);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(gpg.exportSecret(ME, false, ""));
    both.write(gpg.exportSecret(LOCKED, false, PASSPHRASE));
    myKeys = Files.write(dir.resolve("mine.gpg"), both.toByteArray());
    opsPublicKey = Files.write(dir.resolve("ops.asc"), gpg.exportPublic(OPS, true));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  /** Decrypts expecting failure; checks no plaintext fragment leaks into any message. */
  private static DecryptionException failure(byte[] message, Optional<String> passphrase) {
    KeyRing keys =
        KeyRing.builder()
            .secretKeyFile(myKeys)
            .publicKeyFile(opsPublicKey)
            .passphrases(forWhat -> passphrase.map(String::toCharArray))
            .build();
    DecryptionException e =
        catchThrowableOfType(
            DecryptionException.class, () -> new Decryptor(keys).decrypt(message, LABEL));
    assertThat(e).as("decryption must fail, releasing nothing").isNotNull();
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain(CANARY)
          .doesNotContain("SECRET_KEY");
      assertThat(t.toString()).doesNotContain(CANARY);
    }
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(LABEL + ": ");
    assertThat(e.exitCode()).isEqualTo(1);
    return e;
  }

  private static DecryptionException failure(byte[] message) {
    return failure(message, Optional.empty());
  }

  @Test
  void truncatedBinaryMessageIsMalformed() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(ME));

    DecryptionException e = failure(Arrays.copyOf(message, message.length - 25));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e).hasMessage(LABEL + ": truncated or malformed OpenPGP data");
  }

  @Test
  void truncatedArmoredMessageIsMalformed() {
    String armored =
        new String(gpg.encrypt(PLAINTEXT, List.of(ME), "--armor"), StandardCharsets.US_ASCII);
    String cut = armored.substring(0, armored.length() / 2);

    DecryptionException e = failure(cut.getBytes(StandardCharsets.US_ASCII));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void oneFlippedByteInTheCompressedBodyFailsTheIntegrityCheck() {
    byte[] message = flipNearEnd(gpg.encrypt(PLAINTEXT, List.of(ME)));

    DecryptionException e = failure(message);

    assertThat(e.reason()).isEqualTo(Reason.INTEGRITY_FAILED);
    assertThat(e)
        .hasMessage(
            LABEL + ": integrity check failed (modified or corrupt data); no plaintext released");
  }

  @Test
  void oneFlippedByteInAnUncompressedBodyFailsTheMdcCheck() {
    // Uncompressed, a flipped byte decrypts to slightly wrong plaintext that only the MDC catches.
    byte[] message = flipNearEnd(gpg.encrypt(PLAINTEXT, List.of(ME), "--compress-algo", "none"));

    assertThat(failure(message).reason()).isEqualTo(Reason.INTEGRITY_FAILED);
  }

  @Test
  void oneFlippedByteInAnOcbMessageFailsTheTagCheck() throws Exception {
    byte[] message =
        DecryptorTest.bouncyCastleOcbMessage(
            PLAINTEXT, DecryptorTest.encryptionKey(gpg.exportPublic(ME, false)));

    assertThat(failure(flipNearEnd(message)).reason()).isEqualTo(Reason.INTEGRITY_FAILED);
  }

  @Test
  void aMessageForOtherKeysListsTheirKeyIdsAndNamesWhereKnown() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(OPS, OTHER));

    DecryptionException e = failure(message);

    assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_KEY);
    assertThat(e)
        .hasMessageStartingWith(LABEL + ": encrypted to key ids ")
        .hasMessageContaining(gpg.encryptionSubkeyId(OPS) + " (" + OPS + ")")
        .hasMessageContaining(gpg.encryptionSubkeyId(OTHER))
        .hasMessageNotContaining(OTHER)
        .hasMessageContaining("; none of the loaded secret keys matches (searched: secret key file ");
  }

  @Test
  void wrongPassphraseForAProtectedKeyIsBadPassphrase() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(LOCKED));

    DecryptionException e = failure(message, Optional.of("wrong"));

    assertThat(e.reason()).isEqualTo(Reason.BAD_PASSPHRASE);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": wrong passphrase for key "
                + gpg.encryptionSubkeyId(LOCKED)
                + " ("
                + LOCKED
                + ")");
  }

  @Test
  void wrongPassphraseForASymmetricMessageIsBadPassphrase() {
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE);

    DecryptionException e = failure(message, Optional.of("wrong"));

    assertThat(e.reason()).isEqualTo(Reason.BAD_PASSPHRASE);
    assertThat(e).hasMessage(LABEL + ": wrong passphrase for symmetric message");
  }

  @Test
  void symmetricMessageWithoutAPassphraseSaysHowToGiveOne() {
    DecryptionException e = failure(gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE, "--armor"));

    assertThat(e.reason()).isEqualTo(Reason.NO_PASSPHRASE);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": symmetrically encrypted (gpg -c) and no passphrase was given;"
                + " give --passphrase-file or set ENVSHIFT_PASSPHRASE");
  }

  @Test
  void messageWithoutMdcIsRefusedBeforeAnyPassphraseIsAsked() {
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE, "--rfc2440");

    DecryptionException e = failure(message, Optional.of(PASSPHRASE));

    assertThat(e.reason()).isEqualTo(Reason.NOT_INTEGRITY_PROTECTED);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": not integrity protected (no MDC); refusing to decrypt"
                + " (give --allow-no-mdc to decrypt it anyway)");
  }

  @Test
  void withTheOptInAMessageWithoutMdcDecryptsAndWarnsOnceNamingTheFile() {
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE, "--rfc2440");
    List<String> warnings = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .passphrases(forWhat -> Optional.of(PASSPHRASE.toCharArray()))
            .decryptOptions(new DecryptOptions(true, warnings::add))
            .build();

    try (DecryptedFile file = new Decryptor(keys).decrypt(message, LABEL)) {
      assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
      assertThat(file.method()).startsWith("SED (no MDC) ");
    }
    assertThat(warnings).singleElement().asString()
        .startsWith(LABEL + ": not integrity protected (no MDC); decrypted because of"
            + " --allow-no-mdc")
        .doesNotContain("\n")
        .doesNotContain(CANARY);
  }

  @Test
  void withTheOptInAMessageWithMdcGivesNoWarning() {
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE);
    List<String> warnings = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .passphrases(forWhat -> Optional.of(PASSPHRASE.toCharArray()))
            .decryptOptions(new DecryptOptions(true, warnings::add))
            .build();

    try (DecryptedFile file = new Decryptor(keys).decrypt(message, LABEL)) {
      assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void randomGarbageIsNotOpenPgp() {
    byte[] garbage = new byte[512];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0x17; // no packet-header bit, not armor

    DecryptionException e = failure(garbage);

    assertThat(e.reason()).isEqualTo(Reason.NOT_OPENPGP);
    assertThat(e).hasMessage(LABEL + ": not an OpenPGP encrypted message");
  }

  @Test
  void garbageBehindAPlausiblePacketHeaderIsMalformed() {
    byte[] garbage = new byte[512];
    new Random(11).nextBytes(garbage);
    garbage[0] = (byte) 0x85; // old-format PKESK header with a two-octet length

    assertThat(failure(garbage).reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void unencryptedOpenPgpDataIsNotAnEncryptedMessage() {
    byte[] stored = gpg.run(PLAINTEXT, "--compress-algo", "zlib", "--store").stdout();

    DecryptionException e = failure(stored);

    assertThat(e.reason()).isEqualTo(Reason.NOT_OPENPGP);
    assertThat(e).hasMessage(LABEL + ": OpenPGP data, but not an encrypted message");
  }

  @Test
  void decompressionBeyond64MiBIsRefused() throws Exception {
    byte[] bomb = zeroesCompressedAndEncrypted(65 << 20);
    assertThat(bomb.length).isLessThan(1 << 20);

    DecryptionException e = failure(bomb);

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
    assertThat(e).hasMessage(LABEL + ": decrypted data exceeds 64 MiB; refusing it");
  }

  @Test
  void aDecryptedFileNeverShowsItsPlaintext() {
    KeyRing keys = KeyRing.builder().secretKeyFile(myKeys).build();
    DecryptedFile file = new Decryptor(keys).decrypt(gpg.encrypt(PLAINTEXT, List.of(ME)), LABEL);

    assertThat(file.toString()).doesNotContain(CANARY).contains("<" + PLAINTEXT.length + " bytes>");
  }

  @Test
  void aCorruptSessionKeyForALoadedKeySaysSoInsteadOfNoKeyMatches() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(ME));
    PacketHeader pkesk = PacketHeader.read(message, 0).orElseThrow();
    assertThat(pkesk.tag()).isEqualTo(1);
    // in the RSA value, past version (1), key id (8), algorithm (1) and the MPI length (2)
    message[pkesk.headerLength() + 12 + (int) (pkesk.bodyLength() - 12) / 2] ^= 0x10;

    DecryptionException e = failure(message);

    assertThat(e.reason()).isEqualTo(Reason.CORRUPT_SESSION_KEY);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": the session key encrypted to key "
                + gpg.encryptionSubkeyId(ME)
                + " ("
                + ME
                + ") could not be decrypted with that key (corrupt session-key packet)");
  }

  @Test
  void aSessionKeyPacketOfAnUnknownVersionIsUnsupportedNotMalformed() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(ME));
    PacketHeader pkesk = PacketHeader.read(message, 0).orElseThrow();
    assertThat(message[pkesk.headerLength()]).isEqualTo((byte) 3);
    message[pkesk.headerLength()] = 7;

    DecryptionException e = failure(message);

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e)
        .hasMessage(
            LABEL + ": unsupported PGP public key encrypted session key packet version 7");
  }

  @Test
  void anUnknownS2kTypeIsUnsupportedNotMalformed() {
    byte[] message = gpg.encryptSymmetric(PLAINTEXT, PASSPHRASE);
    PacketHeader skesk = PacketHeader.read(message, 0).orElseThrow();
    assertThat(skesk.tag()).isEqualTo(3);
    int s2kType = skesk.headerLength() + 2; // after version and cipher
    assertThat(message[s2kType]).isEqualTo((byte) 3);
    message[s2kType] = 9;

    DecryptionException e = failure(message, Optional.of(PASSPHRASE));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e).hasMessage(LABEL + ": unsupported S2K type 9");
  }

  @Test
  void anAuthenticMessageWithAnUnknownCompressionAlgorithmIsUnsupportedNotModified()
      throws Exception {
    byte[] message = encryptedToMe(unknownCompression());

    DecryptionException e = failure(message);

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": unsupported compression algorithm 9"
                + " (the integrity check passed: not modified)");
  }

  @Test
  void theSameMessageModifiedIsStillReportedAsModified() throws Exception {
    byte[] message = encryptedToMe(unknownCompression());

    DecryptionException e = failure(flipNearEnd(message));

    assertThat(e.reason()).isEqualTo(Reason.INTEGRITY_FAILED);
  }

  @Test
  void thirtyThreeHiddenRecipientsAreRefusedBeforeAnyKeyIsTried() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(ME));
    PacketHeader pkesk = PacketHeader.read(message, 0).orElseThrow();
    int end = pkesk.headerLength() + (int) pkesk.bodyLength();
    byte[] hidden = Arrays.copyOf(message, end);
    Arrays.fill(hidden, pkesk.headerLength() + 1, pkesk.headerLength() + 9, (byte) 0); // key id 0
    ByteArrayOutputStream many = new ByteArrayOutputStream();
    for (int i = 0; i < 33; i++) {
      many.writeBytes(hidden);
    }
    many.write(message, end, message.length - end);

    long started = System.nanoTime();
    DecryptionException e = failure(many.toByteArray());
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e.reason()).isEqualTo(Reason.COST_EXCEEDED);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": 33 hidden-recipient session-key packets, each tried with every loaded key;"
                + " at most 32");
    assertThat(millis).isLessThan(500);
  }

  /** A compressed-data packet (tag 8) of algorithm 9, which RFC 9580 does not define. */
  private static byte[] unknownCompression() {
    byte[] body = new byte[60];
    body[0] = 9;
    for (int i = 1; i < body.length; i++) {
      body[i] = (byte) i;
    }
    byte[] packet = new byte[body.length + 2];
    packet[0] = (byte) (0xC0 | 8);
    packet[1] = (byte) body.length;
    System.arraycopy(body, 0, packet, 2, body.length);
    return packet;
  }

  /** {@code packets} as the content of a SEIPDv1 packet with a valid MDC, encrypted to ME. */
  private static byte[] encryptedToMe(byte[] packets) throws Exception {
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    generator.addMethod(
        new BcPublicKeyKeyEncryptionMethodGenerator(
            DecryptorTest.encryptionKey(gpg.exportPublic(ME, false))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream encrypted = generator.open(out, packets.length)) {
      encrypted.write(packets);
    }
    return out.toByteArray();
  }

  private static byte[] flipNearEnd(byte[] message) {
    byte[] copy = message.clone();
    copy[copy.length - 30] ^= 0x01;
    return copy;
  }

  private static byte[] zeroesCompressedAndEncrypted(int size) throws Exception {
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    generator.addMethod(
        new BcPublicKeyKeyEncryptionMethodGenerator(
            DecryptorTest.encryptionKey(gpg.exportPublic(ME, false))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] zeroes = new byte[1 << 20];
    try (OutputStream encrypted = generator.open(out, new byte[1 << 16]);
        OutputStream compressed =
            new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB).open(encrypted);
        OutputStream literal =
            new PGPLiteralDataGenerator()
                .open(compressed, PGPLiteralData.BINARY, "bomb", size, new Date())) {
      for (int written = 0; written < size; written += zeroes.length) {
        literal.write(zeroes);
      }
    }
    return out.toByteArray();
  }
}
