package envshift.pgp;

import java.util.List;
import java.util.Objects;

/**
 * Someone a message is (or will be) encrypted to. {@code keyId} is the key the message names,
 * usually an encryption subkey; {@code fingerprint} is the primary key's (40 upper-case hex
 * digits), or empty when no loaded keyring knows the key. {@code userIds} is empty when unknown.
 */
public record Recipient(KeyId keyId, String fingerprint, List<String> userIds) {
  public Recipient {
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    userIds = List.copyOf(userIds);
  }

  /**
   * {@code 1234ABCD5678EF90 (Ops <ops@example.org>)}, or just the key id when no user id is known.
   */
  public String describe() {
    return userIds.isEmpty() ? keyId.toString() : keyId + " (" + userIds.get(0) + ")";
  }
}
