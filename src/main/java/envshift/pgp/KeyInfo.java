package envshift.pgp;

import java.util.List;
import java.util.Objects;

/**
 * A loaded secret key, named by its primary key. {@code passphraseProtected} is true when using it
 * needs a passphrase (any of its decryption-capable secret keys is protected).
 */
public record KeyInfo(
    KeyId keyId, String fingerprint, List<String> userIds, boolean passphraseProtected) {
  public KeyInfo {
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    userIds = List.copyOf(userIds);
  }
}
