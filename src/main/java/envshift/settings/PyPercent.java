package envshift.settings;

import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Python's printf-style {@code str % args}: {@code %s %r %d %i %f %e %g %x %o %c %%}, by position
 * or by {@code %(name)s} against a dict, with flags, width and precision.
 */
final class PyPercent {
  private final String fmt;
  private final List<SettingValue> args;
  private final DictValue mapping;
  private int pos;
  private int nextArg;

  private PyPercent(String fmt, SettingValue right) {
    this.fmt = fmt;
    boolean tuple = right instanceof ListValue l && l.tuple();
    this.args = tuple ? ((ListValue) right).items() : List.of(right);
    this.mapping = right instanceof DictValue d ? d : null;
  }

  static String format(String fmt, SettingValue right) {
    String out = new PyPercent(fmt, right).render();
    PyOps.checkSize(out.length());
    return out;
  }

  private String render() {
    StringBuilder out = new StringBuilder();
    boolean usedMapping = false;
    while (pos < fmt.length()) {
      char c = fmt.charAt(pos++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (pos < fmt.length() && fmt.charAt(pos) == '%') {
        out.append('%');
        pos++;
        continue;
      }
      usedMapping |= pos < fmt.length() && fmt.charAt(pos) == '(';
      out.append(conversion());
    }
    if (!usedMapping && nextArg < args.size() && mapping == null) {
      throw new PyUnresolved("has too many arguments for its % format");
    }
    return out.toString();
  }

  private String conversion() {
    SettingValue value = null;
    if (pos < fmt.length() && fmt.charAt(pos) == '(') {
      value = mapped();
    }
    String flags = take("-+ #0");
    String width = take("0123456789");
    String precision = null;
    if (pos < fmt.length() && fmt.charAt(pos) == '.') {
      pos++;
      precision = take("0123456789");
    }
    take("hlL");
    if (pos >= fmt.length() || width.length() > 4 || precision != null && precision.length() > 4) {
      throw new PyUnresolved("uses an unsupported % format");
    }
    char type = fmt.charAt(pos++);
    if (value == null) {
      if (nextArg >= args.size()) {
        throw new PyUnresolved("has too few arguments for its % format");
      }
      value = args.get(nextArg++);
    }
    int p = precision == null ? -1 : precision.isEmpty() ? 0 : Integer.parseInt(precision);
    String body = convert(value, type, p, flags.contains("#"));
    return pad(body, flags, width.isEmpty() ? 0 : Integer.parseInt(width), isNumeric(type));
  }

  private SettingValue mapped() {
    if (mapping == null) {
      throw new PyUnresolved("uses %(name) formatting without a dict");
    }
    int depth = 0;
    int start = pos + 1;
    for (int i = pos; i < fmt.length(); i++) {
      depth += fmt.charAt(i) == '(' ? 1 : fmt.charAt(i) == ')' ? -1 : 0;
      if (depth == 0) {
        pos = i + 1;
        String stored = PyDicts.find(mapping, new SettingValue.Str(fmt.substring(start, i)));
        SettingValue v = stored == null ? null : mapping.entries().get(stored);
        if (v == null) {
          throw new PyUnresolved("formats a %(name) key the dict does not have");
        }
        return v;
      }
    }
    throw new PyUnresolved("uses an unsupported % format");
  }

  private String take(String allowed) {
    int start = pos;
    while (pos < fmt.length() && allowed.indexOf(fmt.charAt(pos)) >= 0) {
      pos++;
    }
    return fmt.substring(start, pos);
  }

  private static boolean isNumeric(char type) {
    return "diuxXoeEfFgG".indexOf(type) >= 0;
  }

  private static String convert(SettingValue v, char type, int p, boolean alternate) {
    switch (type) {
      case 's', 'r', 'a' -> {
        String s = type == 's' ? PyRepr.str(v)
            : type == 'r' ? PyRepr.repr(v) : PyRepr.ascii(PyRepr.repr(v));
        return p >= 0 && s.length() > p ? s.substring(0, p) : s;
      }
      case 'd', 'i', 'u' -> {
        return digits(wholeNumber(v).toString(), p);
      }
      case 'x', 'X', 'o' -> {
        if (!PyOps.isInteger(v)) {
          throw new PyUnresolved("formats a " + PyRepr.typeName(v) + " with %" + type);
        }
        String d = digits(PyOps.integer(v).toString(type == 'o' ? 8 : 16), p);
        d = type == 'X' ? d.toUpperCase(java.util.Locale.ROOT) : d;
        return alternate ? insertPrefix(d, "0" + type) : d;
      }
      case 'e', 'E', 'f', 'F', 'g', 'G' -> {
        return real(v, type, p);
      }
      case 'c' -> {
        return character(v);
      }
      default -> throw new PyUnresolved("uses an unsupported % format");
    }
  }

  private static BigInteger wholeNumber(SettingValue v) {
    if (PyOps.isInteger(v)) {
      return PyOps.integer(v);
    }
    if (v instanceof Float f && !Double.isNaN(f.value()) && !Double.isInfinite(f.value())) {
      return new BigDecimal(f.value()).toBigInteger();
    }
    throw new PyUnresolved("formats a " + PyRepr.typeName(v) + " with %d");
  }

  private static String real(SettingValue v, char type, int precision) {
    if (!PyOps.isNumber(v)) {
      throw new PyUnresolved("formats a " + PyRepr.typeName(v) + " with %" + type);
    }
    double x = PyOps.real(v);
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      String s = Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
      return Character.isUpperCase(type) ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }
    int p = precision < 0 ? 6 : precision;
    double a = Math.abs(x);
    String body = switch (type) {
      case 'e', 'E' -> PyFormatSpec.scientific(a, p, type == 'E');
      case 'f', 'F' -> PyFormatSpec.fixed(a, p);
      default -> PyFormatSpec.general(a, p, false, type == 'G');
    };
    return (x < 0 || x == 0 && 1 / x < 0 ? "-" : "") + body;
  }

  private static String character(SettingValue v) {
    if (v instanceof Str s && s.value().codePointCount(0, s.value().length()) == 1) {
      return s.value();
    }
    if (PyOps.isInteger(v)) {
      BigInteger cp = PyOps.integer(v);
      if (cp.signum() >= 0 && cp.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) <= 0) {
        return Character.toString(cp.intValue());
      }
    }
    throw new PyUnresolved("formats a " + PyRepr.typeName(v) + " with %c");
  }

  /** Zero-pads the digits of a signed integer to the precision, as %.3d does. */
  private static String digits(String signed, int precision) {
    boolean negative = signed.startsWith("-");
    String d = negative ? signed.substring(1) : signed;
    if (precision > d.length()) {
      d = "0".repeat(precision - d.length()) + d;
    }
    return negative ? "-" + d : d;
  }

  private static String insertPrefix(String signed, String prefix) {
    return signed.startsWith("-") ? "-" + prefix + signed.substring(1) : prefix + signed;
  }

  private static String pad(String body, String flags, int width, boolean numeric) {
    String s = body;
    if (numeric && !s.startsWith("-")) {
      s = flags.contains("+") ? "+" + s : flags.contains(" ") ? " " + s : s;
    }
    int missing = width - s.length();
    if (missing <= 0) {
      return s;
    }
    if (flags.contains("-")) {
      return s + " ".repeat(missing);
    }
    if (flags.contains("0") && numeric) {
      int head = s.startsWith("-") || s.startsWith("+") || s.startsWith(" ") ? 1 : 0;
      if (s.startsWith("0x", head) || s.startsWith("0X", head) || s.startsWith("0o", head)) {
        head += 2;
      }
      return s.substring(0, head) + "0".repeat(missing) + s.substring(head);
    }
    return " ".repeat(missing) + s;
  }
}
