package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.util.List;

/**
 * Python's truth values, comparisons, {@code in} and {@code is} over known values. What Python
 * would reject ({@code 1 < 'a'} is a TypeError) or what depends on object identity ({@code [] is
 * []}) is unresolved, never guessed.
 */
final class PyCompare {
  private PyCompare() {}

  static boolean truthy(SettingValue v) {
    if (v instanceof Bool b) {
      return b.value();
    } else if (v instanceof SettingValue.Int i) {
      return i.value().signum() != 0;
    } else if (v instanceof Float f) {
      return f.value() != 0.0;
    } else if (v instanceof Str s) {
      return !s.value().isEmpty();
    } else if (v instanceof ListValue l) {
      return !l.items().isEmpty();
    } else if (v instanceof DictValue d) {
      return !d.entries().isEmpty();
    }
    return false;
  }

  static boolean compare(String op, SettingValue l, SettingValue r) {
    if (tooLarge(l) || tooLarge(r)) {
      throw new PyTooLarge(); // comparing walks a shared value once per reference
    }
    return switch (op) {
      case "==" -> equal(l, r);
      case "!=" -> !equal(l, r);
      case "in" -> contains(r, l);
      case "not in" -> !contains(r, l);
      case "is" -> same(l, r);
      case "is not" -> !same(l, r);
      default -> order(op, l, r);
    };
  }

  private static boolean tooLarge(SettingValue v) {
    return (v instanceof ListValue || v instanceof DictValue) && ValueSize.exceedsLimit(v);
  }

  static boolean equal(SettingValue a, SettingValue b) {
    if (PyOps.isNumber(a) && PyOps.isNumber(b)) {
      return numeric(a, b) == 0;
    }
    if (a instanceof Str x && b instanceof Str y) {
      return x.value().equals(y.value());
    }
    if (a instanceof ListValue x && b instanceof ListValue y) {
      if (x.tuple() != y.tuple() || x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        // Python compares the items of a container by identity first: [nan] == [nan] for one nan
        if (x.items().get(i) != y.items().get(i) && !equal(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof DictValue x && b instanceof DictValue y) {
      if (x.entries().size() != y.entries().size()) {
        return false;
      }
      for (String k : x.entries().keySet()) {
        String other = PyDicts.find(y, PyDicts.keyObject(x, k));
        if (other == null || x.entries().get(k) != y.entries().get(other)
            && !equal(x.entries().get(k), y.entries().get(other))) {
          return false;
        }
      }
      return true;
    }
    return a instanceof SettingValue.None && b instanceof SettingValue.None;
  }

  /**
   * Exact numeric comparison, as Python compares an int with a float; NaN compares as unordered
   * (returns 2), so that every comparison with it is false except !=.
   */
  private static int numeric(SettingValue a, SettingValue b) {
    if (a instanceof Float x && Double.isNaN(x.value())
        || b instanceof Float y && Double.isNaN(y.value())) {
      return 2;
    }
    if (a instanceof Float x && b instanceof Float y) {
      return Double.compare(x.value() + 0.0, y.value() + 0.0);
    }
    return exact(a).compareTo(exact(b));
  }

  private static BigDecimal exact(SettingValue v) {
    if (v instanceof Float f) {
      if (Double.isInfinite(f.value())) {
        // Beyond any int: a big enough stand-in keeps the ordering right.
        return BigDecimal.TEN.pow(400).multiply(BigDecimal.valueOf(Math.signum(f.value())));
      }
      return new BigDecimal(f.value());
    }
    return new BigDecimal(PyOps.integer(v));
  }

  private static boolean order(String op, SettingValue l, SettingValue r) {
    int c = ordering(op, l, r);
    if (c == 2) {
      return false;
    }
    return switch (op) {
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      case ">" -> c > 0;
      default -> c >= 0;
    };
  }

  private static int ordering(String op, SettingValue l, SettingValue r) {
    if (PyOps.isNumber(l) && PyOps.isNumber(r)) {
      int c = numeric(l, r);
      return c == 2 ? 2 : Integer.signum(c);
    }
    if (l instanceof Str a && r instanceof Str b) {
      return Integer.signum(codePoints(a.value(), b.value()));
    }
    if (l instanceof ListValue a && r instanceof ListValue b && a.tuple() == b.tuple()) {
      List<SettingValue> x = a.items();
      List<SettingValue> y = b.items();
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return ordering(op, x.get(i), y.get(i));
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new PyUnresolved("compares a " + PyRepr.typeName(l) + " with a " + PyRepr.typeName(r)
        + " using " + op);
  }

  /** Python orders str by code point, where Java's compareTo orders UTF-16 units. */
  private static int codePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static boolean contains(SettingValue container, SettingValue item) {
    if (container instanceof Str s) {
      if (item instanceof Str part) {
        return s.value().contains(part.value());
      }
      throw new PyUnresolved("looks for a " + PyRepr.typeName(item) + " in a str");
    }
    if (container instanceof ListValue l) {
      return l.items().stream().anyMatch(x -> equal(x, item));
    }
    if (container instanceof DictValue d) {
      return PyDicts.contains(d, item);
    }
    throw new PyUnresolved("uses 'in' on a " + PyRepr.typeName(container));
  }

  /** {@code is}: decidable when one side is None, True or False, which are singletons. */
  private static boolean same(SettingValue l, SettingValue r) {
    if (isSingleton(l) || isSingleton(r)) {
      return l instanceof SettingValue.None && r instanceof SettingValue.None
          || l instanceof Bool a && r instanceof Bool b && a.value() == b.value();
    }
    throw new PyUnresolved("uses 'is' on objects whose identity is unknown");
  }

  private static boolean isSingleton(SettingValue v) {
    return v instanceof SettingValue.None || v instanceof Bool;
  }
}
