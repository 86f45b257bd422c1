package envshift.pgp;

import org.bouncycastle.openpgp.PGPPrivateKey;

/** The outcome of unlocking a stored secret key. */
sealed interface Unlock {
  /** The key is usable. */
  record Unlocked(PGPPrivateKey key) implements Unlock {}

  /** It is not, for {@code reason}; {@code detail} is the phrase used in the error message. */
  record Failed(DecryptionException.Reason reason, String detail) implements Unlock {}
}
