package envshift.pgp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decrypted, integrity-checked message. {@code recipients} are the key ids the message is
 * encrypted to (hidden ones as {@link KeyId#WILDCARD}); {@code decryptedWith} is the secret key
 * that opened it (empty for a passphrase); {@code method} names the encryption, e.g. {@code SEIPDv1
 * AES-256} or {@code OCB AES-256}; {@code signers} are the key ids of signatures found inside,
 * reported but not verified.
 *
 * <p>The plaintext is the only copy of a secret file: open it in try-with-resources, and closing
 * wipes it (zeros), so no caller has to remember to.
 */
public record DecryptedFile(
    byte[] plaintext,
    List<KeyId> recipients,
    Optional<KeyId> decryptedWith,
    boolean symmetric,
    String method,
    List<KeyId> signers,
    String literalFileName)
    implements AutoCloseable {
  public DecryptedFile {
    Objects.requireNonNull(plaintext, "plaintext == null");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(decryptedWith, "decryptedWith == null");
    Objects.requireNonNull(method, "method == null");
    signers = List.copyOf(signers);
    Objects.requireNonNull(literalFileName, "literalFileName == null");
  }

  /** Wipes the plaintext; reading it afterwards gives zeros. */
  @Override
  public void close() {
    Arrays.fill(plaintext, (byte) 0);
  }

  /** Never shows the plaintext, only its length. */
  @Override
  public String toString() {
    return "DecryptedFile[plaintext=<"
        + plaintext.length
        + " bytes>, recipients="
        + recipients
        + ", decryptedWith="
        + decryptedWith.map(KeyId::toString).orElse(symmetric ? "passphrase" : "-")
        + ", method="
        + method
        + ", signers="
        + signers
        + ", literalFileName="
        + literalFileName
        + "]";
  }
}
