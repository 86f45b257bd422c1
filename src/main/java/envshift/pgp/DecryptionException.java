package envshift.pgp;

import envshift.EnvshiftException;

/** A message could not be decrypted; the message is one line naming the file, never plaintext. */
public final class DecryptionException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  /** Why decryption failed. */
  public enum Reason {
    /** Not an OpenPGP encrypted message at all. */
    NOT_OPENPGP,
    /** Truncated or corrupt OpenPGP packets, or data beyond the decompression limit. */
    MALFORMED,
    /** None of the loaded secret keys is a recipient. */
    NO_MATCHING_KEY,
    /** A passphrase was given but did not unlock the key or the symmetric message. */
    BAD_PASSPHRASE,
    /** A passphrase was needed but the passphrase source had none. */
    NO_PASSPHRASE,
    /** The MDC or AEAD tag did not match: the data was modified or is corrupt. */
    INTEGRITY_FAILED,
    /** Legacy encryption without an MDC, which envshift refuses to decrypt. */
    NOT_INTEGRITY_PROTECTED,
    /** The session-key packet for a loaded key did not decrypt to a valid session key. */
    CORRUPT_SESSION_KEY,
    /** A well-formed structure envshift cannot handle: an algorithm, packet version, S2K type. */
    UNSUPPORTED,
    /** More work than envshift's documented bounds: S2K cost, session-key packets to try. */
    COST_EXCEEDED
  }

  private final Reason reason;

  DecryptionException(Reason reason, String message) {
    this(reason, message, null);
  }

  DecryptionException(Reason reason, String message, Throwable cause) {
    super(message, ERROR, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
