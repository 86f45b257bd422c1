package envshift.pgp;

import envshift.pgp.DecryptionException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What went wrong while trying to open one message, turned into the single most useful error: a
 * wrong passphrase beats a corrupt session key for a loaded key, which beats a missing passphrase,
 * which beats an unusable key, which beats "no key matches".
 */
final class Attempts {
  static final String SYMMETRIC = "symmetric";
  private static final String HOW_TO_GIVE = "give --passphrase-file or set ENVSHIFT_PASSPHRASE";

  private final EncryptedMessage message;
  private final KeyRing keys;
  private final String label;
  private final List<Unlock.Failed> failures = new ArrayList<>();

  Attempts(EncryptedMessage message, KeyRing keys, String label) {
    this.message = message;
    this.keys = keys;
    this.label = label;
  }

  void failed(Unlock.Failed failure) {
    failures.add(failure);
  }

  /** The PKESK naming {@code keyId}, a loaded key, did not decrypt to a valid session key. */
  void corruptSessionKey(KeyId keyId) {
    failures.add(new Unlock.Failed(Reason.CORRUPT_SESSION_KEY, "key " + keys.describeKey(keyId)));
  }

  DecryptionException failure() {
    Optional<Unlock.Failed> wrong = first(Reason.BAD_PASSPHRASE);
    if (wrong.isPresent()) {
      return new DecryptionException(
          Reason.BAD_PASSPHRASE, label + ": wrong passphrase for " + subject(wrong.get()));
    }
    Optional<Unlock.Failed> corrupt = first(Reason.CORRUPT_SESSION_KEY);
    if (corrupt.isPresent()) {
      return new DecryptionException(
          Reason.CORRUPT_SESSION_KEY,
          label
              + ": the session key encrypted to "
              + corrupt.get().detail()
              + " could not be decrypted with that key (corrupt session-key packet)");
    }
    Optional<Unlock.Failed> missing = first(Reason.NO_PASSPHRASE);
    if (missing.isPresent()) {
      String what =
          missing.get().detail().equals(SYMMETRIC)
              ? "symmetrically encrypted (gpg -c) and no passphrase was given"
              : missing.get().detail() + " is passphrase-protected";
      return new DecryptionException(
          Reason.NO_PASSPHRASE, label + ": " + what + "; " + HOW_TO_GIVE);
    }
    Optional<Unlock.Failed> unusable = first(Reason.NO_MATCHING_KEY);
    if (unusable.isPresent()) {
      return new DecryptionException(
          Reason.NO_MATCHING_KEY,
          label + ": " + unusable.get().detail() + "; no other loaded secret key matches");
    }
    String recipients =
        message.recipients().stream()
            .map(id -> id.isWildcard() ? id + " (hidden recipient)" : keys.describeKey(id))
            .collect(Collectors.joining(", "));
    return new DecryptionException(
        Reason.NO_MATCHING_KEY,
        label
            + ": encrypted to key ids "
            + recipients
            + "; none of the loaded secret keys matches (searched: "
            + keys.searched()
            + ")");
  }

  private String subject(Unlock.Failed failure) {
    return failure.detail().equals(SYMMETRIC) ? "symmetric message" : failure.detail();
  }

  private Optional<Unlock.Failed> first(Reason reason) {
    return failures.stream().filter(f -> f.reason() == reason).findFirst();
  }
}
