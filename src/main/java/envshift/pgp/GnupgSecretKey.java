package envshift.pgp;

import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/** A secret key from a GnuPG home's {@code private-keys-v1.d}, bound to its public key. */
record GnupgSecretKey(GnupgKeyFile file, PGPPublicKey publicKey) implements StoredSecretKey {
  @Override
  public boolean isProtected() {
    return file.isProtected();
  }

  @Override
  public Optional<String> unusable() {
    if (file.isShadowed()) {
      return Optional.of("is stored on a smartcard (a shadowed key in " + file.path() + ")");
    }
    return file.unsupported().map(why -> "could not be read (" + why + ")");
  }

  @Override
  public PGPPrivateKey unlock(char[] passphrase) throws PGPException {
    return file.unlock(publicKey, passphrase);
  }
}
