package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's arithmetic, concatenation, repetition and subscripting over known values. Anything
 * Python would reject (a TypeError, ZeroDivisionError, KeyError...) or that is outside this small
 * set becomes a {@link PyUnresolved}; a result past envshift's bound ({@link ValueSize}) is a
 * {@link PyTooLarge}, which refuses the file.
 */
final class PyOps {
  private static final long MAX_SIZE = ValueSize.LIMIT;
  private static final int MAX_EXPONENT_BITS = 1_000_000;

  private PyOps() {}

  static SettingValue binary(String op, SettingValue l, SettingValue r) {
    return switch (op) {
      case "+" -> add(l, r);
      case "*" -> multiply(l, r);
      case "%" -> l instanceof Str s ? new Str(PyPercent.format(s.value(), r))
          : arithmetic(op, l, r);
      case "-", "/", "//", "**" -> arithmetic(op, l, r);
      default -> throw new PyUnresolved("uses the operator " + op);
    };
  }

  static SettingValue unary(String op, SettingValue v) {
    if (op.equals("~") && (v instanceof Int || v instanceof Bool)) {
      return new Int(integer(v).not());
    }
    if (v instanceof Float f && !op.equals("~")) {
      return new Float(op.equals("-") ? -f.value() : f.value());
    }
    if ((v instanceof Int || v instanceof Bool) && !op.equals("~")) {
      return new Int(op.equals("-") ? integer(v).negate() : integer(v));
    }
    throw new PyUnresolved("applies unary " + op + " to a " + PyRepr.typeName(v));
  }

  private static SettingValue add(SettingValue l, SettingValue r) {
    if (l instanceof Str a && r instanceof Str b) {
      checkSize((long) a.value().length() + b.value().length());
      return new Str(a.value() + b.value());
    }
    if (l instanceof ListValue a && r instanceof ListValue b && a.tuple() == b.tuple()) {
      checkSize((long) a.items().size() + b.items().size());
      List<SettingValue> items = new ArrayList<>(a.items());
      items.addAll(b.items());
      return new ListValue(items, a.tuple());
    }
    return arithmetic("+", l, r);
  }

  private static SettingValue multiply(SettingValue l, SettingValue r) {
    if (isInteger(r) && (l instanceof Str || l instanceof ListValue)) {
      return repeat(l, r);
    }
    if (isInteger(l) && (r instanceof Str || r instanceof ListValue)) {
      return repeat(r, l);
    }
    return arithmetic("*", l, r);
  }

  private static SettingValue repeat(SettingValue seq, SettingValue times) {
    BigInteger n = integer(times).max(BigInteger.ZERO);
    long unit = seq instanceof Str s ? s.value().length() : ((ListValue) seq).items().size();
    if (unit > 0 && n.compareTo(BigInteger.valueOf(MAX_SIZE / unit)) > 0) {
      throw new PyTooLarge();
    }
    int count = unit == 0 ? 0 : n.intValue();
    if (seq instanceof Str s) {
      return new Str(s.value().repeat(count));
    }
    ListValue list = (ListValue) seq;
    List<SettingValue> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.addAll(list.items());
    }
    return new ListValue(items, list.tuple());
  }

  private static SettingValue arithmetic(String op, SettingValue l, SettingValue r) {
    if (!isNumber(l) || !isNumber(r)) {
      throw new PyUnresolved(
          "uses " + op + " on " + PyRepr.typeName(l) + " and " + PyRepr.typeName(r));
    }
    if (isInteger(l) && isInteger(r) && !op.equals("/")) {
      return integerArithmetic(op, integer(l), integer(r));
    }
    if (isInteger(l) && isInteger(r)
        && (integer(l).abs().bitLength() > 53 || integer(r).abs().bitLength() > 53)) {
      // CPython divides such ints exactly, then rounds once; two doubles would round twice
      throw new PyUnresolved("divides integers beyond a float's exact range");
    }
    return new Float(floatArithmetic(op, toDouble(l), toDouble(r)));
  }

  /** Python's int to float: an OverflowError past the float range, never infinity. */
  private static double toDouble(SettingValue v) {
    double d = real(v);
    if (Double.isInfinite(d) && !(v instanceof Float)) {
      throw new PyUnresolved("converts an int too large for a float");
    }
    return d;
  }

  private static SettingValue integerArithmetic(String op, BigInteger a, BigInteger b) {
    if ((op.equals("//") || op.equals("%")) && b.signum() == 0) {
      throw new PyUnresolved("divides by zero");
    }
    if (op.equals("*") && (long) a.bitLength() + b.bitLength() > MAX_EXPONENT_BITS) {
      throw new PyTooLarge();
    }
    return switch (op) {
      case "+" -> new Int(a.add(b));
      case "-" -> new Int(a.subtract(b));
      case "*" -> new Int(a.multiply(b));
      case "//" -> new Int(floorDiv(a, b));
      case "%" -> new Int(a.subtract(floorDiv(a, b).multiply(b)));
      default -> power(a, b);
    };
  }

  private static SettingValue power(BigInteger a, BigInteger b) {
    if (b.signum() < 0) {
      return new Float(floatArithmetic("**", toDouble(new Int(a)), toDouble(new Int(b))));
    }
    if (a.abs().compareTo(BigInteger.ONE) > 0
        && (b.bitLength() > 31 || (long) a.bitLength() * b.intValue() > MAX_EXPONENT_BITS)) {
      throw new PyTooLarge();
    }
    // Only 0, 1 and -1 get here with a huge exponent: its parity is all that matters.
    return new Int(a.pow(b.bitLength() > 31 ? (b.testBit(0) ? 1 : 2) : b.intValue()));
  }

  private static BigInteger floorDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE)
        : qr[0];
  }

  private static double floatArithmetic(String op, double a, double b) {
    if ((op.equals("/") || op.equals("//") || op.equals("%")) && b == 0
        || op.equals("**") && a == 0 && b < 0) {
      throw new PyUnresolved("divides by zero");
    }
    double result = switch (op) {
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/" -> a / b;
      case "//" -> floorDivision(a, b);
      case "%" -> {
        double m = a % b;
        // Python's float % takes the divisor's sign, even for a zero result.
        yield m == 0 ? Math.copySign(0.0, b) : (m < 0) != (b < 0) ? m + b : m;
      }
      default -> Math.pow(a, b);
    };
    if (op.equals("**") && !Double.isNaN(a) && !Double.isNaN(b)
        && (Double.isNaN(result) || Double.isInfinite(result) && Double.isFinite(a)
            && Double.isFinite(b))) {
      // a complex result, or an OverflowError, in Python; NaN from other operators is Python's too
      throw new PyUnresolved("computes a number Python would reject");
    }
    return result;
  }

  /**
   * CPython's float floor division (float_divmod): from fmod, not floor(a / b), which rounds
   * differently ({@code 1 // 0.1} is 9.0) and gives inf where Python gives nan.
   */
  private static double floorDivision(double vx, double wx) {
    double mod = vx % wx;
    double div = (vx - mod) / wx;
    if (mod != 0 && (wx < 0) != (mod < 0)) {
      div -= 1.0;
    }
    if (div == 0) {
      return Math.copySign(0.0, vx / wx);
    }
    double floor = Math.floor(div);
    return div - floor > 0.5 ? floor + 1.0 : floor;
  }

  /** {@code obj[key]} for a dict, list, tuple or str. */
  static SettingValue index(SettingValue obj, SettingValue key) {
    if (obj instanceof DictValue d) {
      String k = PyDicts.find(d, key);
      if (k == null) {
        throw new PyUnresolved("looks up a key the dict does not have");
      }
      return d.entries().get(k);
    }
    if (!isInteger(key) || !(obj instanceof ListValue || obj instanceof Str)) {
      throw new PyUnresolved(
          "subscripts a " + PyRepr.typeName(obj) + " with a " + PyRepr.typeName(key));
    }
    List<SettingValue> items = obj instanceof ListValue l ? l.items() : characters((Str) obj);
    BigInteger i = integer(key);
    if (i.signum() < 0) {
      i = i.add(BigInteger.valueOf(items.size()));
    }
    if (i.signum() < 0 || i.compareTo(BigInteger.valueOf(items.size())) >= 0) {
      throw new PyUnresolved("uses an index out of range");
    }
    return items.get(i.intValue());
  }

  /**
   * {@code obj[lower:upper:step]} of a list, tuple or str, the bounds None or integers, as
   * CPython's slice.indices clamps them; a str is sliced by code point, as Python counts.
   */
  static SettingValue slice(SettingValue obj, SettingValue lower, SettingValue upper,
      SettingValue step) {
    if (!(obj instanceof ListValue || obj instanceof Str)) {
      throw new PyUnresolved("slices a " + PyRepr.typeName(obj));
    }
    for (SettingValue bound : List.of(lower, upper, step)) {
      if (!isInteger(bound) && !(bound instanceof SettingValue.None)) {
        throw new PyUnresolved("slices with a " + PyRepr.typeName(bound));
      }
    }
    BigInteger by = isInteger(step) ? integer(step) : BigInteger.ONE;
    if (by.signum() == 0) {
      throw new PyUnresolved("slices with a step of zero");
    }
    int[] codePoints = obj instanceof Str s ? s.value().codePoints().toArray() : null;
    List<SettingValue> items = obj instanceof ListValue l ? l.items() : List.of();
    long length = codePoints != null ? codePoints.length : items.size();
    boolean backwards = by.signum() < 0;
    long start = sliceBound(lower, length, backwards, backwards ? length - 1 : 0);
    long stop = sliceBound(upper, length, backwards, backwards ? -1 : length);
    // a step past the length takes one item at most: clamping it keeps the arithmetic in a long
    long stride = by.abs().min(BigInteger.valueOf(length + 1)).longValueExact()
        * by.signum();
    long count = backwards ? (stop < start ? (start - stop - 1) / -stride + 1 : 0)
        : (start < stop ? (stop - start - 1) / stride + 1 : 0);
    if (codePoints != null) {
      StringBuilder out = new StringBuilder();
      for (long k = 0, at = start; k < count; k++, at += stride) {
        out.appendCodePoint(codePoints[(int) at]);
      }
      return new Str(out.toString());
    }
    List<SettingValue> picked = new ArrayList<>();
    for (long k = 0, at = start; k < count; k++, at += stride) {
      picked.add(items.get((int) at));
    }
    return new ListValue(picked, ((ListValue) obj).tuple());
  }

  /** One bound as PySlice_AdjustIndices leaves it: within [-1, length]. */
  private static long sliceBound(SettingValue bound, long length, boolean backwards,
      long omitted) {
    if (!isInteger(bound)) {
      return omitted;
    }
    BigInteger i = integer(bound);
    BigInteger size = BigInteger.valueOf(length);
    if (i.signum() < 0) {
      i = i.add(size);
      return i.signum() < 0 ? (backwards ? -1 : 0) : i.longValueExact();
    }
    return i.compareTo(size) >= 0 ? (backwards ? length - 1 : length) : i.longValueExact();
  }

  /** What iterating over a value gives, for list(), tuple(), unpacking and *args. */
  static List<SettingValue> iterate(SettingValue v) {
    if (v instanceof ListValue l) {
      return l.items();
    } else if (v instanceof Str s) {
      return characters(s);
    } else if (v instanceof DictValue d) {
      return PyDicts.keys(d);
    }
    throw new PyUnresolved("iterates over a " + PyRepr.typeName(v));
  }

  private static List<SettingValue> characters(Str s) {
    List<SettingValue> chars = new ArrayList<>();
    s.value().codePoints().forEach(cp -> chars.add(new Str(Character.toString(cp))));
    return Collections.unmodifiableList(chars);
  }

  static boolean isInteger(SettingValue v) {
    return v instanceof Int || v instanceof Bool;
  }

  static boolean isNumber(SettingValue v) {
    return isInteger(v) || v instanceof Float;
  }

  static BigInteger integer(SettingValue v) {
    if (v instanceof Bool b) {
      return b.value() ? BigInteger.ONE : BigInteger.ZERO;
    }
    return ((Int) v).value();
  }

  static double real(SettingValue v) {
    return v instanceof Float f ? f.value() : integer(v).doubleValue();
  }

  /**
   * The values a tuple target {@code a, b = value} takes, one per item; a starred target or a
   * count that does not match (a ValueError in Python) is unresolved. {@code where} ends the reason.
   */
  static List<SettingValue> unpack(PyNode.Sequence target, SettingValue value, String where) {
    if (target.items().stream().anyMatch(PyNode.Starred.class::isInstance)) {
      throw new PyUnresolved("unpacks with a starred target" + where);
    }
    List<SettingValue> values = iterate(value);
    if (values.size() != target.items().size()) {
      throw new PyUnresolved("unpacks " + values.size() + " values into "
          + target.items().size() + " targets" + where);
    }
    return values;
  }

  /** Refuses strings and lists past {@link ValueSize#LIMIT} items, which no settings file needs. */
  static void checkSize(long size) {
    if (size > MAX_SIZE) {
      throw new PyTooLarge();
    }
  }
}
