package envshift.pgp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.DSAPublicBCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.ElGamalPublicBCPGKey;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** Small naming and comparison helpers over Bouncy Castle key objects. */
final class Keys {
  private Keys() {}

  static String fingerprint(PGPPublicKey key) {
    return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
  }

  static List<String> userIds(PGPPublicKeyRing certificate) {
    List<String> ids = new ArrayList<>();
    for (Iterator<String> it = certificate.getPublicKey().getUserIDs(); it.hasNext(); ) {
      ids.add(it.next());
    }
    return ids;
  }

  static KeyId keyId(PGPPublicKey key) {
    return new KeyId(key.getKeyID());
  }

  /**
   * The public value that identifies the key material in a GnuPG {@code .key} file: the RSA
   * modulus, the EC point (Curve25519 points keep their 0x40 prefix, as GnuPG stores them), or the
   * DSA/ElGamal y.
   */
  static Optional<BigInteger> publicParameter(PGPPublicKey key) {
    BCPGKey material = key.getPublicKeyPacket().getKey();
    if (material instanceof RSAPublicBCPGKey rsa) {
      return Optional.of(rsa.getModulus());
    } else if (material instanceof ECPublicBCPGKey ec) {
      return Optional.of(ec.getEncodedPoint());
    } else if (material instanceof ElGamalPublicBCPGKey elg) {
      return Optional.of(elg.getY());
    } else if (material instanceof DSAPublicBCPGKey dsa) {
      return Optional.of(dsa.getY());
    }
    return Optional.empty();
  }

  static String cipherName(int algorithm) {
    return switch (algorithm) {
      case SymmetricKeyAlgorithmTags.AES_128 -> "AES-128";
      case SymmetricKeyAlgorithmTags.AES_192 -> "AES-192";
      case SymmetricKeyAlgorithmTags.AES_256 -> "AES-256";
      case SymmetricKeyAlgorithmTags.CAST5 -> "CAST5";
      case SymmetricKeyAlgorithmTags.TRIPLE_DES -> "3DES";
      case SymmetricKeyAlgorithmTags.BLOWFISH -> "Blowfish";
      case SymmetricKeyAlgorithmTags.TWOFISH -> "Twofish";
      case SymmetricKeyAlgorithmTags.IDEA -> "IDEA";
      case SymmetricKeyAlgorithmTags.CAMELLIA_128 -> "Camellia-128";
      case SymmetricKeyAlgorithmTags.CAMELLIA_192 -> "Camellia-192";
      case SymmetricKeyAlgorithmTags.CAMELLIA_256 -> "Camellia-256";
      default -> "cipher " + algorithm;
    };
  }
}
