package envshift.settings;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Prints a double the way Python 3's {@code repr(float)} does, so that {@code EMAIL_TIMEOUT = 0.25}
 * reaches the app exactly as {@code str(settings.EMAIL_TIMEOUT)} would have read. Java's
 * {@code Double.toString} differs (it is not always shortest before JDK 19, and formats exponents
 * and integral values differently), hence this class. The one home of float printing: the
 * settings evaluator's {@code str()}/{@code repr()}/format and the mapping's values all use it.
 */
public final class PythonRepr {
  private static final int MAX_DIGITS = 17;

  private PythonRepr() {}

  public static String of(double value) {
    if (Double.isNaN(value)) return "nan";
    if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
    if (value == 0) return 1 / value < 0 ? "-0.0" : "0.0";
    BigDecimal digits = shortest(Math.abs(value)).stripTrailingZeros();
    String body = layout(digits.unscaledValue().toString(), digits.precision() - digits.scale());
    return value < 0 ? "-" + body : body;
  }

  /**
   * The shortest decimal that reads back as {@code value}, and among those the nearest, as
   * Python's dtoa mode 0 picks it. The nearest p-digit decimal is tried first; at a power of two
   * the round-trip interval is lopsided, so the other neighbour may be the only one that fits.
   */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int p = 1; p <= MAX_DIGITS; p++) {
      BigDecimal nearest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (nearest.doubleValue() == value) return nearest;
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
        BigDecimal other = exact.round(new MathContext(p, mode));
        if (other.doubleValue() == value) return other;
      }
    }
    return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
  }

  /**
   * Python's float_repr_style 'short': {@code decpt} is where the point goes relative to the digit
   * string (value = 0.DIGITS x 10^decpt); exponent form below 1e-4 and from 1e16 up.
   */
  private static String layout(String digits, int decpt) {
    if (decpt <= -4 || decpt > 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      int exp = decpt - 1;
      String expDigits = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
      return mantissa + "e" + (exp < 0 ? "-" : "+") + expDigits;
    }
    if (decpt <= 0) return "0." + "0".repeat(-decpt) + digits;
    if (decpt >= digits.length()) return digits + "0".repeat(decpt - digits.length()) + ".0";
    return digits.substring(0, decpt) + "." + digits.substring(decpt);
  }
}
