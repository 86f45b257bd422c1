package envshift.pgp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decrypted, integrity-checked message. {@code recipients} are the key ids the message is
 * encrypted to (hidden ones as {@link KeyId#WILDCARD}); {@code decryptedWith} is the secret key
 * that opened it (empty for a passphrase); {@code method} names the encryption, e.g. {@code SEIPDv1
 * AES-256} or {@code OCB AES-256}; {@code signers} are the key ids of signatures found inside,
 * reported but not verified.
 */
public record DecryptedFile(
    byte[] plaintext,
    List<KeyId> recipients,
    Optional<KeyId> decryptedWith,
    boolean symmetric,
    String method,
    List<KeyId> signers,
    String literalFileName) {
  public DecryptedFile {
    Objects.requireNonNull(plaintext, "plaintext == null");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(decryptedWith, "decryptedWith == null");
    Objects.requireNonNull(method, "method == null");
    signers = List.copyOf(signers);
    Objects.requireNonNull(literalFileName, "literalFileName == null");
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
