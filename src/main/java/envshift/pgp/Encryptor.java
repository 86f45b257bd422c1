package envshift.pgp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

/**
 * Encrypts to a list of recipients in the most widely readable form: SEIPD v1 with MDC, AES-256,
 * ZLIB, a literal packet carrying a file name. GnuPG 2.2 reads it; armored output carries the CRC
 * line, without which GnuPG 2.2 exits with an error (GnuPG bug T7071).
 */
public final class Encryptor {
  private Encryptor() {}

  /** Encrypts {@code plaintext} to each recipient's encryption key, looked up in {@code keys}. */
  public static byte[] encrypt(
      byte[] plaintext, List<Recipient> to, KeyRing keys, boolean armor, String literalName) {
    if (to.isEmpty()) {
      throw new KeyException("no recipients to encrypt " + literalName + " to");
    }
    PGPEncryptedDataGenerator generator =
        new PGPEncryptedDataGenerator(
            new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                .setWithIntegrityPacket(true)
                .setSecureRandom(new SecureRandom()));
    for (PGPPublicKey key : encryptionKeys(to, keys)) {
      generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (armor) {
        try (ArmoredOutputStream armored =
            ArmoredOutputStream.builder().clearHeaders().enableCRC(true).build(bytes)) {
          write(generator, armored, plaintext, literalName);
        }
      } else {
        write(generator, bytes, plaintext, literalName);
      }
    } catch (PGPException e) {
      // Bouncy Castle's key errors ("has no encryption subkey") name keys, never the plaintext.
      throw new KeyException("cannot encrypt " + literalName + " (" + e.getMessage() + ")", e);
    } catch (IOException | RuntimeException e) {
      // Anything else may come from the streams the plaintext went through: name only its type.
      throw new KeyException(
          "cannot encrypt " + literalName + " (" + e.getClass().getSimpleName() + ")", e);
    }
    return bytes.toByteArray();
  }

  private static List<PGPPublicKey> encryptionKeys(List<Recipient> to, KeyRing keys) {
    List<PGPPublicKey> found = new ArrayList<>();
    Instant now = Instant.now();
    for (Recipient recipient : to) {
      PGPPublicKeyRing certificate =
          keys.certificates().stream()
              .filter(c -> Keys.fingerprint(c.getPublicKey()).equals(recipient.fingerprint()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new KeyException(
                          "recipient " + recipient.describe() + " is not in the loaded keyrings"));
      found.add(EncryptionKeys.select(certificate, now));
    }
    return found;
  }

  private static void write(
      PGPEncryptedDataGenerator generator, OutputStream out, byte[] plaintext, String name)
      throws IOException, PGPException {
    try (OutputStream encrypted = generator.open(out, new byte[1 << 16]);
        OutputStream compressed =
            new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZLIB).open(encrypted);
        OutputStream literal =
            new PGPLiteralDataGenerator()
                .open(compressed, PGPLiteralData.BINARY, name, plaintext.length, new Date())) {
      literal.write(plaintext);
    }
  }
}
