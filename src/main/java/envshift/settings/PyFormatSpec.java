package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's format-spec mini-language ({@code
 * [[fill]align][sign][#][0][width][,|_][.precision][type]}) for str, int, bool and float, as used
 * by str.format, f-strings and format(). Specs outside this common subset are reported as
 * unresolved rather than approximated.
 */
record PyFormatSpec(
    char fill, char align, char sign, boolean alternate, boolean zero, int width, char grouping,
    int precision, char type) {
  private static final Pattern SPEC =
      Pattern.compile(
          "(?s)(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d{1,4})?([,_])?(?:\\.(\\d{1,4}))?"
              + "([bcdeEfFgGnosxX%])?");

  static PyFormatSpec parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    if (!m.matches()) {
      throw new PyUnresolved("uses an unsupported format spec");
    }
    return new PyFormatSpec(
        m.group(1) == null ? ' ' : m.group(1).charAt(0),
        m.group(2) == null ? '\0' : m.group(2).charAt(0),
        m.group(3) == null ? '-' : m.group(3).charAt(0),
        m.group(4) != null,
        m.group(5) != null,
        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
        m.group(7) == null ? '\0' : m.group(7).charAt(0),
        m.group(8) == null ? -1 : Integer.parseInt(m.group(8)),
        m.group(9) == null ? '\0' : m.group(9).charAt(0));
  }

  /** format(value, spec). */
  static String format(SettingValue v, String spec) {
    if (spec.isEmpty()) {
      return PyRepr.str(v);
    }
    PyFormatSpec s = parse(spec);
    if (v instanceof Str str) {
      return s.string(str.value());
    } else if (v instanceof Int || v instanceof Bool) {
      return "eEfFgG%".indexOf(s.type) >= 0 && s.type != '\0'
          ? s.real(PyOps.integer(v).doubleValue()) : s.integer(PyOps.integer(v));
    } else if (v instanceof Float f) {
      return s.real(f.value());
    }
    throw new PyUnresolved("formats a " + PyRepr.typeName(v) + " with a format spec");
  }

  private String string(String value) {
    if (type != '\0' && type != 's' || sign != '-' || alternate || grouping != '\0'
        || align == '=') {
      throw new PyUnresolved("uses a format spec that does not apply to str");
    }
    String body = precision >= 0 && value.codePointCount(0, value.length()) > precision
        ? value.substring(0, value.offsetByCodePoints(0, precision)) : value;
    char fillChar = zero && align == '\0' ? '0' : fill;
    return pad("", body, align == '\0' ? '<' : align, fillChar);
  }

  private String integer(BigInteger n) {
    if (precision >= 0 || zero && grouping != '\0' || "eEfFgG%".indexOf(type) >= 0 && type != 0) {
      throw new PyUnresolved("uses a format spec that does not apply to int");
    }
    int radix = switch (type) {
      case 'x', 'X' -> 16;
      case 'o' -> 8;
      case 'b' -> 2;
      case 'c', 's' -> throw new PyUnresolved("uses a format spec that does not apply to int");
      default -> 10;
    };
    String digits = n.abs().toString(radix);
    digits = type == 'X' ? digits.toUpperCase(java.util.Locale.ROOT) : digits;
    if (grouping != '\0') {
      if (grouping == ',' && radix != 10) {
        throw new PyUnresolved("uses a format spec that does not apply to int");
      }
      digits = group(digits, radix == 10 ? 3 : 4, grouping);
    }
    String prefix = !alternate || radix == 10 ? "" : "0" + (type == 'o' ? 'o' : type);
    return number(n.signum() < 0, prefix + digits, prefix.length());
  }

  private String real(double x) {
    if (alternate || zero && grouping != '\0' || "bcdosxX".indexOf(type) >= 0 && type != 0) {
      throw new PyUnresolved("uses a format spec that does not apply to float");
    }
    boolean negative = x < 0 || x == 0 && 1 / x < 0;
    double a = Math.abs(x);
    String body;
    if (Double.isNaN(a) || Double.isInfinite(a)) {
      body = Double.isNaN(a) ? "nan" : "inf";
      body = "FEG".indexOf(type) >= 0 && type != 0 ? body.toUpperCase(java.util.Locale.ROOT) : body;
    } else {
      body = finite(a);
    }
    if (grouping != '\0') {
      int dot = body.indexOf('.');
      int end = dot >= 0 ? dot : body.length();
      if (body.chars().limit(end).allMatch(Character::isDigit)) {
        body = group(body.substring(0, end), 3, grouping) + body.substring(end);
      }
    }
    return number(negative && !body.equals("nan"), body, 0);
  }

  private String finite(double a) {
    int p = precision < 0 ? 6 : precision;
    return switch (type) {
      case 'f', 'F' -> fixed(a, p);
      case 'e', 'E' -> scientific(a, p, type == 'E');
      case 'g', 'G', 'n' -> general(a, p, false, type == 'G');
      case '%' -> fixed(a * 100, p) + "%";
      default -> precision < 0 ? PythonRepr.of(a) : general(a, precision, true, false);
    };
  }

  private String number(boolean negative, String body, int prefixLength) {
    String signText = negative ? "-" : sign == '-' ? "" : String.valueOf(sign);
    char alignment = align != '\0' ? align : zero ? '=' : '>';
    char fillChar = align == '\0' && zero ? '0' : fill;
    if (alignment == '=') {
      String head = signText + body.substring(0, prefixLength);
      return head + padTo(body.substring(prefixLength), width - head.length(), '>', fillChar);
    }
    return pad(signText, body, alignment, fillChar);
  }

  private String pad(String signText, String body, char alignment, char fillChar) {
    return padTo(signText + body, width, alignment, fillChar);
  }

  private static String padTo(String content, int width, char alignment, char fillChar) {
    int missing = width - content.codePointCount(0, content.length());
    if (missing <= 0) {
      return content;
    }
    String f = String.valueOf(fillChar);
    return switch (alignment) {
      case '<' -> content + f.repeat(missing);
      case '^' -> f.repeat(missing / 2) + content + f.repeat(missing - missing / 2);
      default -> f.repeat(missing) + content;
    };
  }

  private static String group(String digits, int size, char separator) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % size == 0) {
        b.append(separator);
      }
      b.append(digits.charAt(i));
    }
    return b.toString();
  }

  /** 'f' for a non-negative finite value: exact binary value rounded half-even, like Python. */
  static String fixed(double a, int p) {
    return new BigDecimal(a).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** 'e' for a non-negative finite value. */
  static String scientific(double a, int p, boolean upper) {
    String digits;
    int exp;
    if (a == 0) {
      digits = "0".repeat(p + 1);
      exp = 0;
    } else {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
      digits = r.unscaledValue().toString();
      exp = digits.length() - 1 - r.scale();
      digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
    }
    String mantissa = p == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = (upper ? "E" : "e") + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    return mantissa + e;
  }

  /**
   * 'g' for a non-negative finite value; with {@code noType} the variant used when a precision is
   * given without a type (scientific from exponent p-1, and at least one digit after the point).
   */
  static String general(double a, int precision, boolean noType, boolean upper) {
    int p = Math.max(precision, 1);
    int exp = 0;
    if (a != 0) {
      BigDecimal r = new BigDecimal(a).round(new MathContext(p, RoundingMode.HALF_EVEN));
      exp = r.precision() - r.scale() - 1;
    }
    boolean sci = exp < -4 || exp >= (noType ? p - 1 : p);
    String s = sci ? scientific(a, p - 1, upper) : fixed(a, p - 1 - exp);
    String mantissa = sci ? s.substring(0, s.indexOf(upper ? 'E' : 'e')) : s;
    String rest = sci ? s.substring(mantissa.length()) : "";
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "");
      mantissa = mantissa.endsWith(".") ? mantissa.substring(0, mantissa.length() - 1) : mantissa;
    }
    if (noType && !sci && !mantissa.contains(".")) {
      mantissa += ".0";
    }
    return mantissa + rest;
  }
}
