package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/** Python's str() and repr() of the values the evaluator handles, and json.dumps dict keys. */
final class PyRepr {
  private PyRepr() {}

  static String str(SettingValue v) {
    if (v instanceof Str s) {
      return s.value();
    }
    return repr(v);
  }

  static String repr(SettingValue v) {
    if (v instanceof Str s) {
      return quote(s.value());
    } else if (v instanceof Int i) {
      return i.value().toString();
    } else if (v instanceof Float f) {
      return floatRepr(f.value());
    } else if (v instanceof Bool b) {
      return b.value() ? "True" : "False";
    } else if (v instanceof ListValue l) {
      String items = l.items().stream().map(PyRepr::repr).collect(Collectors.joining(", "));
      if (!l.tuple()) {
        return "[" + items + "]";
      }
      return l.items().size() == 1 ? "(" + items + ",)" : "(" + items + ")";
    } else if (v instanceof DictValue d) {
      return d.entries().entrySet().stream()
          .map(e -> quote(e.getKey()) + ": " + repr(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return "None";
  }

  /** The type name Python would print, for warnings ("adds str and int"). */
  static String typeName(SettingValue v) {
    if (v instanceof Str) {
      return "str";
    } else if (v instanceof Int) {
      return "int";
    } else if (v instanceof Float) {
      return "float";
    } else if (v instanceof Bool) {
      return "bool";
    } else if (v instanceof ListValue l) {
      return l.tuple() ? "tuple" : "list";
    } else if (v instanceof DictValue) {
      return "dict";
    }
    return "NoneType";
  }

  /** A dict key as json.dumps would write it, which is how DictValue stores keys. */
  static String dictKey(SettingValue key) {
    if (key instanceof Str s) {
      return s.value();
    } else if (key instanceof Int i) {
      return i.value().toString();
    } else if (key instanceof Bool b) {
      return b.value() ? "true" : "false";
    } else if (key instanceof SettingValue.None) {
      return "null";
    } else if (key instanceof Float f) {
      double d = f.value();
      return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : floatRepr(d);
    }
    throw new PyUnresolved("uses a dict key of type " + typeName(key));
  }

  /** Python's repr(str): single quotes unless the text has ' and no ", escapes for the rest. */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder(s.length() + 2).append(q);
    s.codePoints().forEach(cp -> escapeInto(b, cp, q));
    return b.append(q).toString();
  }

  private static void escapeInto(StringBuilder b, int cp, char q) {
    if (cp == q || cp == '\\') {
      b.append('\\').appendCodePoint(cp);
    } else if (cp == '\t') {
      b.append("\\t");
    } else if (cp == '\n') {
      b.append("\\n");
    } else if (cp == '\r') {
      b.append("\\r");
    } else if (cp >= 0x20 && cp < 0x7f || cp > 0x7f && isPrintable(cp)) {
      b.appendCodePoint(cp);
    } else {
      b.append(hexEscape(cp));
    }
  }

  /** ascii(): repr with every non-ASCII character escaped. */
  static String ascii(String repr) {
    StringBuilder b = new StringBuilder(repr.length());
    repr.codePoints().forEach(cp -> {
      if (cp < 0x80) {
        b.appendCodePoint(cp);
      } else {
        b.append(hexEscape(cp));
      }
    });
    return b.toString();
  }

  private static String hexEscape(int cp) {
    if (cp <= 0xff) {
      return String.format("\\x%02x", cp);
    }
    return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SPACE_SEPARATOR;
  }

  /**
   * Python's repr(float): the shortest digits that read back as the same double, in fixed notation
   * when the decimal exponent is in [-4, 16), otherwise as {@code 1e-05}.
   */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (r.doubleValue() == d) {
        shortest = r;
        break;
      }
    }
    BigDecimal s = shortest.stripTrailingZeros();
    String digits = s.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - s.scale();
    String sign = d < 0 ? "-" : "";
    if (exp < -4 || exp >= 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
    String plain = s.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }
}
