package envshift.pgp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** Operations on collections of certificates (public key rings). */
final class Certificates {
  private Certificates() {}

  /**
   * One certificate per primary fingerprint, in first-seen order. The same key loaded from two
   * sources (a keybox and an export, say) is joined, so subkeys and signatures known to either are
   * kept.
   */
  static List<PGPPublicKeyRing> merge(List<PGPPublicKeyRing> certificates) {
    Map<String, PGPPublicKeyRing> byFingerprint = new LinkedHashMap<>();
    for (PGPPublicKeyRing certificate : certificates) {
      byFingerprint.merge(
          Keys.fingerprint(certificate.getPublicKey()), certificate, Certificates::join);
    }
    return new ArrayList<>(byFingerprint.values());
  }

  private static PGPPublicKeyRing join(PGPPublicKeyRing first, PGPPublicKeyRing second) {
    try {
      return PGPPublicKeyRing.join(first, second);
    } catch (PGPException | RuntimeException e) {
      return first; // cannot be joined: keep what was loaded first
    }
  }
}
