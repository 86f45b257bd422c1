package envshift.pgp;

import java.util.HexFormat;
import java.util.Locale;

/**
 * An OpenPGP long key id: the low 64 bits of a v4 fingerprint. The id of the key a message is
 * encrypted to is usually an encryption subkey's, not the primary key's. {@code 0} means a hidden
 * recipient.
 */
public record KeyId(long value) {
  /** The id of hidden recipients ({@code gpg -R}, {@code --throw-keyids}). */
  public static final KeyId WILDCARD = new KeyId(0L);

  /**
   * Parses 16 hex digits, with or without {@code 0x}; a 40-digit fingerprint gives its low 64 bits.
   * Anything else is a {@link KeyException}.
   */
  public static KeyId parse(String text) {
    String hex = text.strip().replace(" ", "");
    if (hex.startsWith("0x") || hex.startsWith("0X")) {
      hex = hex.substring(2);
    }
    if (hex.length() == 40) {
      hex = hex.substring(24);
    }
    if (hex.length() != 16 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new KeyException("'" + text + "' is not a 16-digit hex key id");
    }
    return new KeyId(Long.parseUnsignedLong(hex, 16));
  }

  public boolean isWildcard() {
    return value == 0L;
  }

  /** 16 upper-case hex digits, the form gpg prints with {@code --keyid-format long}. */
  @Override
  public String toString() {
    return HexFormat.of().toHexDigits(value).toUpperCase(Locale.ROOT);
  }
}
