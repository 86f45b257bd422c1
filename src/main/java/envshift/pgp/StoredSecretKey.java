package envshift.pgp;

import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * A decryption-capable secret key as stored somewhere, still locked until {@link #unlock} is
 * called.
 */
sealed interface StoredSecretKey permits ExportedSecretKey, GnupgSecretKey {
  /** The public half: the key id messages name, and the packet the private key is bound to. */
  PGPPublicKey publicKey();

  boolean isProtected();

  /** Why this key can never decrypt anything (a smartcard stub), or empty when it can. */
  Optional<String> unusable();

  /** The private key; the passphrase is ignored for unprotected keys. Throws when it is wrong. */
  PGPPrivateKey unlock(char[] passphrase) throws PGPException;

  default KeyId keyId() {
    return new KeyId(publicKey().getKeyID());
  }
}
