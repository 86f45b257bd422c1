package envshift.pgp;

import envshift.pgp.DecryptionException.Reason;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * The work a message's passphrase methods (SKESKs) may ask for, checked on the packets alone
 * before any passphrase is asked for or any key derived: a hostile message can otherwise demand
 * 16 GiB of Argon2 memory or a hundred maximal iterated hashes (minutes of CPU).
 *
 * <p>The bounds accept everything gpg writes: its iterated-salted count is at most 65011712, the
 * largest the one-octet encoding allows, and one such SKESK is about 1 s here; four of them fit.
 * gpg 2.4 writes no Argon2. For Argon2 (RFC 9580 §3.7.1.4) the bound is RFC 9106's second
 * recommended choice and anything up to 1 GiB × 1 pass (about 4.5 s here, Bouncy Castle runs the
 * lanes one after another); its first choice, 2 GiB × 1 pass, took 41 s on this 2-core machine
 * and is refused. Everything together stays under 10 s.
 */
final class S2kBudget {
  /** SKESKs tried in one message; {@code gpg -c} writes one. */
  static final int MAX_PASSPHRASE_METHODS = 16;

  /** gpg's largest iterated-salted count: the one-octet coded count 255. */
  static final long MAX_ITERATION_COUNT = 65_011_712L;

  /** Hashed bytes over all SKESKs: four of gpg's strongest. */
  static final long MAX_TOTAL_HASHED = 4 * MAX_ITERATION_COUNT;

  /** Argon2 memory: 2^20 KiB = 1 GiB. */
  static final int MAX_ARGON2_MEMORY_EXPONENT = 20;

  /** Argon2 memory × passes, in KiB: 1 GiB once, or 64 MiB × 16. */
  static final long MAX_ARGON2_WORK_KIB = 1L << 20;

  /** Argon2 lanes; RFC 9106 recommends 4. */
  static final int MAX_ARGON2_PARALLELISM = 16;

  /**
   * One KiB-pass of Argon2 costs about as much as hashing 248 bytes (1 GiB × 1 pass ≈ 4 × the
   * maximal iterated count), so both kinds share the one total.
   */
  private static final long HASHED_PER_ARGON2_KIB = MAX_TOTAL_HASHED / MAX_ARGON2_WORK_KIB;

  private S2kBudget() {}

  /** Throws an UNSUPPORTED or COST_EXCEEDED error naming {@code label}; derives nothing. */
  static void check(List<SymmetricKeyEncSessionPacket> methods, String label) {
    if (methods.size() > MAX_PASSPHRASE_METHODS) {
      throw tooCostly(
          label,
          methods.size() + " passphrase (SKESK) packets; at most " + MAX_PASSPHRASE_METHODS);
    }
    long total = 0;
    for (SymmetricKeyEncSessionPacket method : methods) {
      if (!knownCipher(method.getEncAlgorithm())) {
        throw unsupported(label, "symmetric algorithm " + method.getEncAlgorithm() + " (SKESK)");
      }
      total += work(method.getS2K(), label);
      if (total > MAX_TOTAL_HASHED) {
        throw tooCostly(
            label,
            "its passphrase (SKESK) packets ask for more key-derivation work than "
                + MAX_TOTAL_HASHED / MAX_ITERATION_COUNT
                + " of gpg's strongest");
      }
    }
  }

  /** The S2K's work in hashed bytes, after checking its own bounds. */
  private static long work(S2K s2k, String label) {
    switch (s2k.getType()) {
      case S2K.SIMPLE, S2K.SALTED:
        hash(s2k, label);
        return 0;
      case S2K.SALTED_AND_ITERATED:
        hash(s2k, label);
        return s2k.getIterationCount();
      case S2K.ARGON_2:
        return argon2(s2k, label) * HASHED_PER_ARGON2_KIB;
      default:
        throw unsupported(label, "S2K type " + s2k.getType() + " in a passphrase (SKESK) packet");
    }
  }

  private static long argon2(S2K s2k, String label) {
    Optional<String> excess = argon2Excess(s2k);
    if (excess.isPresent()) {
      throw tooCostly(label, excess.get());
    } else if (!argon2Valid(s2k)) {
      throw new DecryptionException(
          Reason.MALFORMED, label + ": invalid " + argon2Name(s2k) + " (RFC 9580 §3.7.1.4)");
    }
    return (1L << s2k.getMemorySizeExponent()) * s2k.getPasses();
  }

  /**
   * Why unlocking a secret key protected by {@code s2k} would exceed the bound (a v6 key may be
   * protected by Argon2), or empty; gpg's own protections are bounded where they are read.
   */
  static Optional<String> keyExcess(S2K s2k) {
    if (s2k == null || s2k.getType() != S2K.ARGON_2) {
      return Optional.empty();
    }
    return argon2Excess(s2k).map(what -> what + " (envshift's S2K bound, see docs/security.md)");
  }

  private static Optional<String> argon2Excess(S2K s2k) {
    int exponent = s2k.getMemorySizeExponent();
    String what = argon2Name(s2k);
    if (exponent > MAX_ARGON2_MEMORY_EXPONENT) {
      return Optional.of(what + "; memory at most 2^" + MAX_ARGON2_MEMORY_EXPONENT + " KiB");
    } else if (s2k.getParallelism() > MAX_ARGON2_PARALLELISM) {
      return Optional.of(what + "; at most " + MAX_ARGON2_PARALLELISM + " lanes");
    } else if ((1L << exponent) * s2k.getPasses() > MAX_ARGON2_WORK_KIB) {
      return Optional.of(
          what
              + "; memory × passes at most 2^"
              + Long.numberOfTrailingZeros(MAX_ARGON2_WORK_KIB)
              + " KiB");
    }
    return Optional.empty();
  }

  private static boolean argon2Valid(S2K s2k) {
    int lanes = s2k.getParallelism();
    return s2k.getPasses() >= 1
        && lanes >= 1
        && s2k.getMemorySizeExponent() >= 3 + ceilLog2(lanes);
  }

  private static String argon2Name(S2K s2k) {
    return "Argon2 S2K with memory 2^"
        + s2k.getMemorySizeExponent()
        + " KiB, "
        + s2k.getPasses()
        + " passes, "
        + s2k.getParallelism()
        + " lanes";
  }

  /** Bouncy Castle names every cipher it implements and throws for the rest. */
  static boolean knownCipher(int algorithm) {
    try {
      return PGPUtil.getSymmetricCipherName(algorithm) != null;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int ceilLog2(int n) {
    return 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  private static void hash(S2K s2k, String label) {
    try {
      new BcPGPDigestCalculatorProvider().get(s2k.getHashAlgorithm());
    } catch (PGPException | RuntimeException e) {
      throw unsupported(label, "S2K hash algorithm " + s2k.getHashAlgorithm());
    }
  }

  static DecryptionException unsupported(String label, String what) {
    return new DecryptionException(Reason.UNSUPPORTED, label + ": unsupported " + what);
  }

  private static DecryptionException tooCostly(String label, String what) {
    return new DecryptionException(
        Reason.COST_EXCEEDED,
        label
            + ": refusing to derive a key: "
            + what
            + " (envshift's S2K bound, see docs/security.md)");
  }
}
