package envshift.plan;

import envshift.EnvshiftException;
import envshift.Secret;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * New secret values for {@code envshift rotate}, from a spec: {@code django-secret-key},
 * {@code hex:N} and {@code base64url:N} (N random bytes), {@code password:N} (N characters) or
 * {@code uuid} (version 4). Every output is safe in {@code KEY="value"} for docker compose,
 * python-dotenv and dotenv-java alike: none holds {@code "}, {@code \}, {@code $} or a newline.
 */
public final class Generators {
  /**
   * Django's get_random_secret_key() alphabet without {@code $}, which compose and python-dotenv
   * expand inside double quotes. ({@code "} and {@code \}, the other unsafe ones, are not in it.)
   * 49 symbols × 50 characters is still 280 bits.
   */
  static final String DJANGO_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)";
  static final int DJANGO_LENGTH = 50;
  static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String DIGITS = "0123456789";
  /** RFC 3986 "unreserved" symbols: a password made of them goes into a URL unencoded. */
  static final String SYMBOLS = "-_.~";
  // Below 16 bytes (128 bits) or 12 password characters a rotated secret would be weaker than the
  // ones it replaces; above 1024 it eats Heroku's 32 kB config budget.
  static final int MIN_BYTES = 16;
  static final int MIN_PASSWORD = 12;
  static final int MAX = 1024;
  private static final String SPECS =
      "use django-secret-key, hex:N, base64url:N, password:N or uuid";

  private Generators() {}

  public static Secret generate(String spec, SecureRandom rng) {
    Objects.requireNonNull(spec, "spec == null");
    Objects.requireNonNull(rng, "rng == null");
    if (spec.equals("django-secret-key")) {
      return Secret.of(pick(DJANGO_ALPHABET, DJANGO_LENGTH, rng));
    }
    if (spec.equals("uuid")) {
      return Secret.of(uuid(rng).toString());
    }
    int colon = spec.indexOf(':');
    String kind = colon < 0 ? spec : spec.substring(0, colon);
    switch (kind) {
      case "hex" -> {
        return Secret.of(HexFormat.of().formatHex(bytes(size(spec, MIN_BYTES), rng)));
      }
      case "base64url" -> {
        byte[] bytes = bytes(size(spec, MIN_BYTES), rng);
        return Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
      }
      case "password" -> {
        return Secret.of(password(size(spec, MIN_PASSWORD), rng));
      }
      default -> throw EnvshiftException.usage("unknown secret generator '" + spec + "': " + SPECS);
    }
  }

  /** The spec used when the manifest names none: Django's key for its setting, else 32 bytes. */
  public static String defaultFor(String varName) {
    return switch (Objects.requireNonNull(varName, "varName == null")) {
      case "SECRET_KEY", "DJANGO_SECRET_KEY" -> "django-secret-key";
      default -> "base64url:32";
    };
  }

  /** The N of {@code kind:N}, checked against its bounds. */
  private static int size(String spec, int min) {
    String digits = spec.substring(spec.indexOf(':') + 1);
    if (spec.indexOf(':') < 0 || !digits.matches("[0-9]{1,5}")) {
      throw EnvshiftException.usage("secret generator '" + spec + "' needs a size, e.g. "
          + spec.split(":")[0] + ":32");
    }
    int n = Integer.parseInt(digits);
    if (n < min || n > MAX) {
      throw EnvshiftException.usage(
          "secret generator '" + spec + "': size must be between " + min + " and " + MAX);
    }
    return n;
  }

  private static byte[] bytes(int n, SecureRandom rng) {
    byte[] bytes = new byte[n];
    rng.nextBytes(bytes);
    return bytes;
  }

  /** One character of each class at random places, the rest from all classes; unbiased picks. */
  private static String password(int length, SecureRandom rng) {
    String all = LOWER + UPPER + DIGITS + SYMBOLS;
    char[] chars = pick(all, length, rng).toCharArray();
    String[] classes = {LOWER, UPPER, DIGITS, SYMBOLS};
    for (int i = 0; i < classes.length; i++) {
      chars[i] = pick(classes[i], 1, rng).charAt(0);
    }
    for (int i = chars.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      char t = chars[i];
      chars[i] = chars[j];
      chars[j] = t;
    }
    return new String(chars);
  }

  private static String pick(String alphabet, int length, SecureRandom rng) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(rng.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** A version 4 UUID from the given generator (UUID.randomUUID() would ignore it). */
  private static UUID uuid(SecureRandom rng) {
    ByteBuffer b = ByteBuffer.wrap(bytes(16, rng));
    long high = (b.getLong() & ~0xf000L) | 0x4000L;
    long low = (b.getLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
