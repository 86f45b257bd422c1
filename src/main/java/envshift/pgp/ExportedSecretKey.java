package envshift.pgp;

import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/** A secret key from a {@code gpg --export-secret-keys} file (armored or binary). */
record ExportedSecretKey(PGPSecretKey secretKey, Path file) implements StoredSecretKey {
  @Override
  public PGPPublicKey publicKey() {
    return secretKey.getPublicKey();
  }

  @Override
  public boolean isProtected() {
    return secretKey.getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
  }

  @Override
  public Optional<String> unusable() {
    S2K s2k = secretKey.getS2K();
    boolean stub = s2k != null && s2k.getType() == S2K.GNU_DUMMY_S2K;
    if (stub || secretKey.isPrivateKeyEmpty()) {
      return Optional.of(
          "has no secret material in "
              + file
              + " (a stub: on a smartcard, or exported without it)");
    }
    return Optional.empty();
  }

  @Override
  public PGPPrivateKey unlock(char[] passphrase) throws PGPException {
    if (!isProtected()) {
      return secretKey.extractPrivateKey(null);
    }
    // checked before deriving: an Argon2-protected (v6) key could ask for 16 GiB and minutes
    Optional<String> excess = S2kBudget.keyExcess(secretKey.getS2K());
    if (excess.isPresent()) {
      throw new KeyException(file + ": its passphrase protection asks for an " + excess.get());
    }
    return secretKey.extractPrivateKey(
        new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider()).build(passphrase));
  }
}
