package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Python's pure conversions {@code int(x)}, {@code float(x)}, {@code str(x)}, {@code bool(x)} and
 * {@code len(x)} of one known value, as CPython computes them (settings files write
 * {@code int(os.getenv('PORT', 587))}). What CPython would refuse (a ValueError, an overflow) or
 * what is not certain to match it is unresolved: never a guessed value.
 */
final class PyBuiltins {
  /** A base-10 int literal as int() takes it: digits, single underscores between digits. */
  private static final Pattern INT = Pattern.compile("[+-]?[0-9][0-9_]*+");
  /** A float literal as float() takes it (ASCII only; Java's parser also takes hex and 'd'). */
  private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:[0-9][0-9_]*+)?\\.[0-9]"
      + "[0-9_]*+|[0-9][0-9_]*+\\.?)(?:[eE][+-]?[0-9][0-9_]*+)?");
  private static final Pattern SPECIAL = Pattern.compile("(?i)[+-]?(?:inf|infinity|nan)");
  /** Python's str.strip() whitespace for ASCII; other input is left to Python, unresolved. */
  private static final Pattern ASCII = Pattern.compile("[\\x00-\\x7f]*");

  private PyBuiltins() {}

  static boolean isConversion(String callee) {
    return callee.equals("int") || callee.equals("float") || callee.equals("str")
        || callee.equals("bool") || callee.equals("len");
  }

  static SettingValue convert(String callee, SettingValue v) {
    return switch (callee) {
      case "int" -> toInt(v);
      case "float" -> toFloat(v);
      case "str" -> toStr(v);
      case "len" -> length(v);
      default -> new Bool(PyCompare.truthy(v));
    };
  }

  /** len(): code points of a str (not UTF-16 units), items of a list, tuple or dict. */
  private static SettingValue length(SettingValue v) {
    long n;
    if (v instanceof Str s) {
      n = s.value().codePointCount(0, s.value().length());
    } else if (v instanceof SettingValue.ListValue l) {
      n = l.items().size();
    } else if (v instanceof SettingValue.DictValue d) {
      n = d.entries().size();
    } else {
      throw new PyUnresolved("calls len() on a " + PyRepr.typeName(v));
    }
    return new Int(BigInteger.valueOf(n));
  }

  private static SettingValue toInt(SettingValue v) {
    if (v instanceof Int) return v;
    if (v instanceof Bool b) return new Int(b.value() ? BigInteger.ONE : BigInteger.ZERO);
    if (v instanceof Float f) {
      if (Double.isNaN(f.value()) || Double.isInfinite(f.value())) {
        throw new PyUnresolved("calls int() on " + PythonRepr.of(f.value()));
      }
      return new Int(new BigDecimal(f.value()).toBigInteger()); // truncates toward zero
    }
    if (v instanceof Str s) {
      String t = strip(s.value(), "int");
      if (!INT.matcher(t).matches() || PyLiterals.misplacedUnderscore(unsigned(t))) {
        throw new PyUnresolved("calls int() on a string that is not a base-10 integer");
      }
      if (t.length() > PyLiterals.MAX_INT_DIGITS + 1
          && t.chars().filter(Character::isDigit).count() > PyLiterals.MAX_INT_DIGITS) {
        throw new PyUnresolved("calls int() on more than " + PyLiterals.MAX_INT_DIGITS
            + " digits (Python refuses it)");
      }
      return new Int(new BigInteger(t.replace("_", "")));
    }
    throw new PyUnresolved("calls int() on a " + PyRepr.typeName(v));
  }

  private static SettingValue toFloat(SettingValue v) {
    if (v instanceof Float) return v;
    if (v instanceof Bool b) return new Float(b.value() ? 1.0 : 0.0);
    if (v instanceof Int i) {
      double d = new BigDecimal(i.value()).doubleValue(); // nearest, as CPython rounds
      if (Double.isInfinite(d)) throw new PyUnresolved("calls float() on an int too large");
      return new Float(d);
    }
    if (v instanceof Str s) {
      String t = strip(s.value(), "float");
      if (SPECIAL.matcher(t).matches()) {
        String word = t.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
        boolean negative = t.startsWith("-");
        if (word.equals("nan")) return new Float(Double.NaN);
        return new Float(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
      }
      if (!FLOAT.matcher(t).matches() || PyLiterals.misplacedUnderscore(unsigned(t))) {
        throw new PyUnresolved("calls float() on a string that is not a number");
      }
      return new Float(Double.parseDouble(t.replace("_", ""))); // correctly rounded
    }
    throw new PyUnresolved("calls float() on a " + PyRepr.typeName(v));
  }

  private static String unsigned(String number) {
    return number.startsWith("+") || number.startsWith("-") ? number.substring(1) : number;
  }

  private static SettingValue toStr(SettingValue v) {
    if (v instanceof Str) return v;
    if (v instanceof Int i) return new Str(i.value().toString());
    if (v instanceof Bool b) return new Str(b.value() ? "True" : "False");
    if (v instanceof None) return new Str("None");
    if (v instanceof Float f) return new Str(PythonRepr.of(f.value()));
    throw new PyUnresolved("calls str() on a " + PyRepr.typeName(v));
  }

  /** The text between Python's whitespace, ASCII input only (Unicode digits and spaces differ). */
  private static String strip(String s, String callee) {
    if (!ASCII.matcher(s).matches()) {
      throw new PyUnresolved("calls " + callee + "() on non-ASCII text");
    }
    return s.strip();
  }
}
