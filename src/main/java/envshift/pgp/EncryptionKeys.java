package envshift.pgp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Picks the key to encrypt to in a certificate: the newest subkey whose verified binding signature
 * allows encryption, skipping revoked and expired ones, as gpg does. Falls back to an
 * encryption-capable primary key (old RSA keys) when there is no such subkey.
 */
final class EncryptionKeys {
  private static final int ENCRYPT = KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE;

  private EncryptionKeys() {}

  /** The key to encrypt to; a {@link KeyException} says why there is none. */
  static PGPPublicKey select(PGPPublicKeyRing certificate, Instant now) {
    PGPPublicKey primary = certificate.getPublicKey();
    String name = "key " + describe(certificate);
    if (revoked(primary, primary, PGPSignature.KEY_REVOCATION)) {
      throw new KeyException(name + " is revoked");
    }
    Optional<Instant> primaryExpiry = expiry(primary, primary.getValidSeconds());
    if (primaryExpiry.isPresent() && !primaryExpiry.get().isAfter(now)) {
      throw new KeyException(name + " expired on " + day(primaryExpiry.get()));
    }
    PGPPublicKey best = null;
    Instant expired = null;
    boolean revokedSubkey = false;
    for (PGPPublicKey key : certificate) {
      Optional<PGPSignature> binding = key.isMasterKey() ? Optional.empty() : binding(primary, key);
      if (binding.isEmpty() || !key.isEncryptionKey() || !allowsEncryption(binding.get())) {
        continue;
      }
      Optional<Instant> expiry =
          expiry(key, binding.get().getHashedSubPackets().getKeyExpirationTime());
      if (revoked(primary, key, PGPSignature.SUBKEY_REVOCATION)) {
        revokedSubkey = true;
      } else if (expiry.isPresent() && !expiry.get().isAfter(now)) {
        expired = expired == null || expiry.get().isAfter(expired) ? expiry.get() : expired;
      } else if (best == null || key.getCreationTime().after(best.getCreationTime())) {
        best = key;
      }
    }
    if (best != null) {
      return best;
    } else if (primary.isEncryptionKey() && primaryAllowsEncryption(primary)) {
      return primary;
    } else if (expired != null) {
      throw new KeyException(name + ": its encryption subkey expired on " + day(expired));
    } else if (revokedSubkey) {
      throw new KeyException(name + ": its encryption subkey is revoked");
    }
    throw new KeyException(name + " has no encryption subkey");
  }

  /**
   * Whether anyone may have encrypted to this key: its algorithm can encrypt and its
   * self-signatures either allow encryption or carry no key flags at all. Signatures are not
   * verified here; this only keeps signing keys (an RSA [SC] primary, say) out of the decryption
   * attempts.
   */
  static boolean mayDecrypt(PGPPublicKey key) {
    if (!key.isEncryptionKey()) {
      return false;
    }
    Iterator<PGPSignature> signatures =
        key.isMasterKey()
            ? key.getSignaturesForKeyID(key.getKeyID())
            : key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
    boolean flagged = false;
    while (signatures.hasNext()) {
      PGPSignatureSubpacketVector hashed = signatures.next().getHashedSubPackets();
      int flags = hashed == null ? 0 : hashed.getKeyFlags();
      if ((flags & ENCRYPT) != 0) {
        return true;
      }
      flagged |= flags != 0;
    }
    return !flagged;
  }

  /** {@code 1234ABCD5678EF90 (Ops <ops@example.org>)} for the primary key. */
  static String describe(PGPPublicKeyRing certificate) {
    KeyId id = Keys.keyId(certificate.getPublicKey());
    return Keys.userIds(certificate).stream()
        .findFirst()
        .map(u -> id + " (" + u + ")")
        .orElse(id.toString());
  }

  /** The newest subkey binding signature that verifies against the primary key. */
  private static Optional<PGPSignature> binding(PGPPublicKey primary, PGPPublicKey subkey) {
    PGPSignature newest = null;
    for (Iterator<PGPSignature> it = subkey.getSignaturesOfType(PGPSignature.SUBKEY_BINDING);
        it.hasNext(); ) {
      PGPSignature signature = it.next();
      boolean newer = newest == null || signature.getCreationTime().after(newest.getCreationTime());
      if (newer && verifies(signature, primary, subkey)) {
        newest = signature;
      }
    }
    return Optional.ofNullable(newest);
  }

  private static boolean allowsEncryption(PGPSignature binding) {
    PGPSignatureSubpacketVector hashed = binding.getHashedSubPackets();
    // keys made before key flags existed say nothing; their algorithm decides
    return hashed == null || hashed.getKeyFlags() == 0 || (hashed.getKeyFlags() & ENCRYPT) != 0;
  }

  private static boolean primaryAllowsEncryption(PGPPublicKey primary) {
    for (Iterator<PGPSignature> it = primary.getSignaturesForKeyID(primary.getKeyID());
        it.hasNext(); ) {
      PGPSignatureSubpacketVector hashed = it.next().getHashedSubPackets();
      if (hashed != null && hashed.getKeyFlags() != 0) {
        return (hashed.getKeyFlags() & ENCRYPT) != 0;
      }
    }
    return true;
  }

  private static boolean revoked(PGPPublicKey primary, PGPPublicKey key, int type) {
    for (Iterator<PGPSignature> it = key.getSignaturesOfType(type); it.hasNext(); ) {
      PGPSignature signature = it.next();
      try {
        signature.init(new BcPGPContentVerifierBuilderProvider(), primary);
        boolean valid =
            key == primary
                ? signature.verifyCertification(primary)
                : signature.verifyCertification(primary, key);
        if (valid) {
          return true;
        }
      } catch (PGPException | RuntimeException e) {
        // an unverifiable revocation revokes nothing
      }
    }
    return false;
  }

  private static boolean verifies(PGPSignature signature, PGPPublicKey primary, PGPPublicKey key) {
    try {
      signature.init(new BcPGPContentVerifierBuilderProvider(), primary);
      return signature.verifyCertification(primary, key);
    } catch (PGPException | RuntimeException e) {
      return false;
    }
  }

  private static Optional<Instant> expiry(PGPPublicKey key, long validSeconds) {
    return validSeconds <= 0
        ? Optional.empty()
        : Optional.of(key.getCreationTime().toInstant().plusSeconds(validSeconds));
  }

  private static String day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
