package envshift.plan;

import envshift.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short fingerprints for showing that two values are equal without showing them. Each is an
 * HMAC-SHA256 under a key that lives only for this run, so a fingerprint cannot be looked up in a
 * table of hashes of common passwords nor compared with a fingerprint from another run. Never a
 * plain hash, never a prefix of the value.
 */
public final class Fingerprinter {
  private static final int KEY_BYTES = 32;
  private static final int SHOWN_BYTES = 8;
  private final byte[] key;

  private Fingerprinter(byte[] key) {
    this.key = key.clone();
  }

  /** A fingerprinter with a fresh random key: the normal way, once per run. */
  public static Fingerprinter random(SecureRandom rng) {
    byte[] key = new byte[KEY_BYTES];
    Objects.requireNonNull(rng, "rng == null").nextBytes(key);
    return new Fingerprinter(key);
  }

  /** A fingerprinter with a given key, for tests; at least 16 bytes. */
  public static Fingerprinter withKey(byte[] key) {
    if (Objects.requireNonNull(key, "key == null").length < 16) {
      throw new IllegalArgumentException("fingerprint key shorter than 16 bytes");
    }
    return new Fingerprinter(key);
  }

  /** 16 hex digits: the first 8 bytes of HMAC-SHA256(key, UTF-8 value). */
  public String fingerprint(Secret value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] tag = mac.doFinal(value.reveal().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(tag, 0, SHOWN_BYTES);
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime ships HmacSHA256; reaching this is a broken JDK, not bad input.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "Fingerprinter[key hidden]";
  }
}
