package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's pure builtins over known values, as CPython computes them: {@code max}, {@code min},
 * {@code sorted}, {@code sum}, {@code any}, {@code all}, {@code abs}, {@code round}, {@code hex},
 * {@code oct}, {@code bin}, {@code int(text, base)}, {@code repr}, {@code chr} and {@code ord}.
 * What CPython refuses (a TypeError, ValueError, OverflowError) or what is not certain to match
 * every CPython 3 is unresolved.
 */
final class PyFunctions {
  /** round(x, n) returns x itself past this many digits (CPython's NDIGITS_MAX). */
  private static final int ROUND_DIGITS_MAX = 323;
  /** round(x, n) returns a zero below this (CPython's NDIGITS_MIN). */
  private static final int ROUND_DIGITS_MIN = -308;
  /** The largest int int(text, base) builds, in bits, as PyOps bounds int arithmetic. */
  private static final int MAX_BITS = 1_000_000;

  private PyFunctions() {}

  /**
   * max() or min() of items already gathered; {@code fallback} is default=, when given. The
   * first of equal items wins, as CPython keeps the current best unless an item is strictly
   * greater (less).
   */
  static SettingValue extreme(String callee, List<SettingValue> items, SettingValue fallback) {
    if (items.isEmpty()) {
      if (fallback == null) {
        throw new PyUnresolved("calls " + callee + "() on an empty sequence");
      }
      return fallback;
    }
    orderable(callee, items, true);
    SettingValue best = items.get(0);
    String op = callee.equals("max") ? ">" : "<";
    for (SettingValue item : items.subList(1, items.size())) {
      if (PyCompare.compare(op, item, best)) {
        best = item;
      }
    }
    return best;
  }

  /** sorted(): stable, by Python's {@code <}; with reverse, equal items keep their order too. */
  static SettingValue sorted(List<SettingValue> items, boolean reverse) {
    List<SettingValue> out = new ArrayList<>(items);
    if (out.size() > 1) {
      // with a NaN CPython's result depends on which pairs its merge compares: not mirrored
      orderable("sorted", out, false);
      Comparator<SettingValue> order = (a, b) -> PyCompare.compare("<", a, b) ? -1
          : PyCompare.compare("<", b, a) ? 1 : 0;
      out.sort(reverse ? order.reversed() : order);
    }
    return new ListValue(out, false);
  }

  /**
   * Whether Python orders the items the same way whichever pairs its algorithm compares: all
   * numbers, all strs, or all tuples (all lists) whose items at each position are all numbers or
   * all strs. A NaN makes the order depend on the pairs compared, so it is allowed only as a
   * number at the top, where max() and min() still give one answer; one item is never compared.
   */
  private static void orderable(String callee, List<SettingValue> items, boolean topNaN) {
    if (items.size() < 2) {
      return;
    }
    String kind = kind(items.get(0));
    Map<Integer, String> columns = new HashMap<>();
    for (SettingValue item : items) {
      if (!kind(item).equals(kind) || kind.equals("other") || !topNaN && isNaN(item)) {
        throw new PyUnresolved("calls " + callee + "() on items Python may not order");
      }
      if (item instanceof ListValue l) {
        for (int i = 0; i < l.items().size(); i++) {
          SettingValue v = l.items().get(i);
          String k = kind(v);
          if (isNaN(v) || !(k.equals("number") || k.equals("str"))
              || !columns.computeIfAbsent(i, x -> k).equals(k)) {
            throw new PyUnresolved("calls " + callee + "() on items Python may not order");
          }
        }
      }
    }
  }

  private static String kind(SettingValue v) {
    if (PyOps.isNumber(v)) {
      return "number";
    } else if (v instanceof Str) {
      return "str";
    } else if (v instanceof ListValue l) {
      return l.tuple() ? "tuple" : "list";
    }
    return "other";
  }

  private static boolean isNaN(SettingValue v) {
    return v instanceof Float f && Double.isNaN(f.value());
  }

  /**
   * sum(): ints exactly; floats only while every partial sum is exact, because CPython 3.12
   * compensates the rounding that earlier versions accumulate (sum([0.1] * 3) differs).
   */
  static SettingValue sum(List<SettingValue> items, SettingValue start) {
    if (!PyOps.isNumber(start)) {
      throw new PyUnresolved("calls sum() with a " + PyRepr.typeName(start) + " start");
    }
    if (items.isEmpty()) {
      return start; // sum([], True) is True itself
    }
    BigInteger whole = start instanceof Float ? BigInteger.ZERO : PyOps.integer(start);
    boolean floating = start instanceof Float;
    double total = start instanceof Float f ? f.value() : 0;
    for (SettingValue item : items) {
      if (!PyOps.isNumber(item)) {
        throw new PyUnresolved("calls sum() on a " + PyRepr.typeName(item));
      }
      if (!floating && PyOps.isInteger(item)) {
        whole = whole.add(PyOps.integer(item));
        if (whole.bitLength() > MAX_BITS) {
          throw new PyTooLarge();
        }
        continue;
      }
      if (!floating) {
        total = exactDouble(new BigDecimal(whole));
        floating = true;
      }
      double x = item instanceof Float f ? f.value()
          : exactDouble(new BigDecimal(PyOps.integer(item)));
      BigDecimal exact = exact(total).add(exact(x));
      total += x;
      if (exact(total).compareTo(exact) != 0) {
        throw new PyUnresolved("calls sum() on floats whose total CPython versions round apart");
      }
    }
    return floating ? new Float(total) : new Int(whole);
  }

  private static BigDecimal exact(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new PyUnresolved("calls sum() on a float that is not finite");
    }
    return new BigDecimal(d);
  }

  /** The double that is exactly {@code v}; unresolved when there is none. */
  private static double exactDouble(BigDecimal v) {
    double d = Double.parseDouble(v.toString());
    if (Double.isInfinite(d) || new BigDecimal(d).compareTo(v) != 0) {
      throw new PyUnresolved("calls sum() on floats whose total CPython versions round apart");
    }
    return d;
  }

  static SettingValue abs(SettingValue v) {
    if (v instanceof Float f) {
      return new Float(Math.abs(f.value()));
    }
    if (PyOps.isInteger(v)) {
      return new Int(PyOps.integer(v).abs());
    }
    throw new PyUnresolved("calls abs() on a " + PyRepr.typeName(v));
  }

  /**
   * round(x) and round(x, n): half to even on the exact value of a float, as CPython's
   * correctly rounded dtoa does; round(x) of a float is an int, round(x, n) a float.
   */
  static SettingValue round(SettingValue x, SettingValue digits) {
    boolean noDigits = digits instanceof SettingValue.None;
    if (!noDigits && !PyOps.isInteger(digits)) {
      throw new PyUnresolved("calls round() with " + PyRepr.typeName(digits) + " digits");
    }
    if (PyOps.isInteger(x)) {
      BigInteger n = PyOps.integer(x);
      if (noDigits || PyOps.integer(digits).signum() >= 0) {
        return new Int(n);
      }
      BigInteger places = PyOps.integer(digits).negate();
      if (places.compareTo(BigInteger.valueOf(n.abs().toString().length())) > 0) {
        return new Int(BigInteger.ZERO); // |n| < 10**places / 2
      }
      BigDecimal rounded = new BigDecimal(n).setScale(-places.intValueExact(),
          RoundingMode.HALF_EVEN);
      return new Int(rounded.toBigIntegerExact());
    }
    if (!(x instanceof Float f)) {
      throw new PyUnresolved("calls round() on a " + PyRepr.typeName(x));
    }
    double d = f.value();
    if (noDigits) {
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new PyUnresolved("calls round() on a float that is not finite");
      }
      return new Int(new BigDecimal(d).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact());
    }
    BigInteger n = PyOps.integer(digits);
    if (Double.isNaN(d) || Double.isInfinite(d)
        || n.compareTo(BigInteger.valueOf(ROUND_DIGITS_MAX)) > 0) {
      return x;
    }
    if (n.compareTo(BigInteger.valueOf(ROUND_DIGITS_MIN)) < 0) {
      return new Float(0.0 * d);
    }
    BigDecimal rounded = new BigDecimal(d).setScale(n.intValue(), RoundingMode.HALF_EVEN);
    double result = Double.parseDouble(rounded.toString()); // correctly rounded, as strtod
    if (Double.isInfinite(result)) {
      throw new PyUnresolved("calls round() with a result too large for a float");
    }
    return new Float(result == 0 ? Math.copySign(0.0, d) : result);
  }

  /** hex(), oct() and bin() of an int: sign, prefix, lower-case digits. */
  static SettingValue based(String callee, SettingValue v) {
    if (!PyOps.isInteger(v)) {
      throw new PyUnresolved("calls " + callee + "() on a " + PyRepr.typeName(v));
    }
    BigInteger n = PyOps.integer(v);
    int radix = callee.equals("hex") ? 16 : callee.equals("oct") ? 8 : 2;
    String prefix = callee.equals("hex") ? "0x" : callee.equals("oct") ? "0o" : "0b";
    String digits = n.abs().toString(radix);
    PyOps.checkSize(digits.length() + 3L);
    return new Str((n.signum() < 0 ? "-" : "") + prefix + digits);
  }

  /**
   * int(text, base): base 0 (the prefix decides) or 2..36, a sign, the base's prefix, single
   * underscores between digits (and after the prefix), whitespace around. ASCII only: CPython
   * also takes other Unicode digits and spaces, which Java classifies differently.
   */
  static SettingValue parseInt(SettingValue text, SettingValue base) {
    if (!(text instanceof Str s)) {
      throw new PyUnresolved("calls int() with a base on a " + PyRepr.typeName(text));
    }
    if (!PyOps.isInteger(base)) {
      throw new PyUnresolved("calls int() with a " + PyRepr.typeName(base) + " base");
    }
    BigInteger b = PyOps.integer(base);
    if (b.signum() != 0 && (b.compareTo(BigInteger.TWO) < 0 || b.compareTo(BigInteger.valueOf(36))
        > 0)) {
      throw new PyUnresolved("calls int() with a base Python refuses");
    }
    int radix = b.intValue();
    String t = s.value();
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) > 127) {
        throw new PyUnresolved("calls int() on non-ASCII text");
      }
    }
    t = t.strip();
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    String prefix = t.length() >= 2 && t.charAt(0) == '0' ? t.substring(0, 2).toLowerCase() : "";
    int prefixed = prefix.equals("0x") ? 16 : prefix.equals("0o") ? 8 : prefix.equals("0b") ? 2 : 0;
    boolean zeroOnly = false;
    if (prefixed != 0 && (radix == 0 || radix == prefixed)) {
      radix = prefixed;
      t = t.substring(2);
      if (t.startsWith("_")) {
        t = t.substring(1); // one underscore may follow the prefix
      }
    } else if (radix == 0) {
      radix = 10;
      zeroOnly = t.startsWith("0"); // base 0 refuses a leading zero such as '010'
    }
    if (!validDigits(t, radix) || zeroOnly && t.chars().anyMatch(c -> c != '0' && c != '_')) {
      throw new PyUnresolved("calls int() on text that is not an integer in its base");
    }
    String digits = t.replace("_", "");
    boolean powerOfTwo = Integer.bitCount(radix) == 1;
    if (!powerOfTwo && digits.length() > PyLiterals.MAX_INT_DIGITS) {
      throw new PyUnresolved("calls int() on more than " + PyLiterals.MAX_INT_DIGITS
          + " digits (Python refuses it)");
    }
    if ((long) digits.length() * 6 > MAX_BITS) {
      throw new PyTooLarge();
    }
    BigInteger n = new BigInteger(digits, radix);
    return new Int(negative ? n.negate() : n);
  }

  /** Digits of the base, at least one, with single underscores between them. */
  private static boolean validDigits(String t, int radix) {
    if (t.isEmpty() || t.startsWith("_") || t.endsWith("_") || t.contains("__")) {
      return false;
    }
    return t.chars().allMatch(c -> c == '_' || Character.digit(c, radix) >= 0);
  }

  static SettingValue repr(SettingValue v) {
    String text = PyRepr.repr(v);
    PyOps.checkSize(text.length());
    return new Str(text);
  }

  static SettingValue chr(SettingValue v) {
    if (!PyOps.isInteger(v)) {
      throw new PyUnresolved("calls chr() on a " + PyRepr.typeName(v));
    }
    BigInteger n = PyOps.integer(v);
    if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(Character.MAX_CODE_POINT)) > 0) {
      throw new PyUnresolved("calls chr() out of range");
    }
    int cp = n.intValue();
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      throw new PyUnresolved("calls chr() on a surrogate"); // Java strings cannot hold it alone
    }
    return new Str(Character.toString(cp));
  }

  static SettingValue ord(SettingValue v) {
    if (v instanceof Str s && s.value().codePointCount(0, s.value().length()) == 1) {
      return new Int(BigInteger.valueOf(s.value().codePointAt(0)));
    }
    throw new PyUnresolved("calls ord() on something other than one character");
  }

  /** any() and all(): Python's truth of each item. */
  static SettingValue truthOfAll(String callee, List<SettingValue> items) {
    boolean any = callee.equals("any");
    for (SettingValue item : items) {
      if (PyCompare.truthy(item) == any) {
        return new Bool(any);
      }
    }
    return new Bool(!any);
  }

  /** isinstance(x, T) for the builtin type names; bool is an int. */
  static boolean isInstance(SettingValue v, String type) {
    return switch (type) {
      case "int" -> PyOps.isInteger(v);
      case "bool" -> v instanceof Bool;
      case "float" -> v instanceof Float;
      case "str" -> v instanceof Str;
      case "list" -> v instanceof ListValue l && !l.tuple();
      case "tuple" -> v instanceof ListValue l && l.tuple();
      case "dict" -> v instanceof SettingValue.DictValue;
      default -> throw new PyUnresolved("calls isinstance() with a type it does not know");
    };
  }
}
