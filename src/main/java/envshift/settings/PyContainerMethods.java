package envshift.settings;

import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dict, list and tuple methods that read a known value without changing it, as CPython
 * computes them: {@code d.get(k[, default])}, {@code d.copy()}, {@code l.index(x[, start[, end]])},
 * {@code l.count(x)}, {@code l.copy()}. The dict views (keys, values, items) are iterated by
 * {@link PyCalls}, since a view itself is not a setting value.
 */
final class PyContainerMethods {
  private static final Set<String> NAMES = Set.of("get", "copy", "index", "count");

  private PyContainerMethods() {}

  static boolean handles(String method) {
    return NAMES.contains(method);
  }

  /** The method's result, or empty when the receiver's type has no such method here. */
  static Optional<SettingValue> call(String method, SettingValue receiver,
      List<SettingValue> args) {
    if (receiver instanceof DictValue d && method.equals("get")) {
      if (args.isEmpty() || args.size() > 2) throw unusual("dict", method);
      String key = PyDicts.find(d, args.get(0));
      SettingValue fallback = args.size() == 2 ? args.get(1) : SettingValue.None.INSTANCE;
      return Optional.of(key == null ? fallback : d.entries().get(key));
    }
    if (receiver instanceof DictValue d && method.equals("copy")) {
      if (!args.isEmpty()) throw unusual("dict", method);
      return Optional.of(PyDicts.builder(d).build()); // keeps the key objects (1, not '1')
    }
    if (!(receiver instanceof ListValue l)) {
      return Optional.empty();
    }
    String type = l.tuple() ? "tuple" : "list";
    return switch (method) {
      case "copy" -> {
        if (l.tuple()) yield Optional.empty();
        if (!args.isEmpty()) throw unusual(type, method);
        yield Optional.of(new ListValue(l.items(), false));
      }
      case "count" -> {
        if (args.size() != 1) throw unusual(type, method);
        comparable(l, args.get(0), type, method);
        long n = l.items().stream().filter(x -> PyCompare.equal(x, args.get(0))).count();
        yield Optional.of(new Int(BigInteger.valueOf(n)));
      }
      case "index" -> Optional.of(index(l, args, type));
      default -> Optional.empty();
    };
  }

  /** index(x[, start[, end]]): the first equal item in the slice; a miss is a ValueError. */
  private static SettingValue index(ListValue l, List<SettingValue> args, String type) {
    if (args.isEmpty() || args.size() > 3) throw unusual(type, "index");
    comparable(l, args.get(0), type, "index");
    int size = l.items().size();
    long start = args.size() > 1 ? bound(args.get(1), size, type) : 0;
    long end = args.size() > 2 ? bound(args.get(2), size, type) : size;
    for (long i = Math.max(0, start); i < Math.min(end, size); i++) {
      if (PyCompare.equal(l.items().get((int) i), args.get(0))) {
        return new Int(BigInteger.valueOf(i));
      }
    }
    throw new PyUnresolved("calls " + type + ".index() for an item that is not there");
  }

  /** A start or end as CPython's list.index reads it: negative counts from the end, clamped. */
  private static long bound(SettingValue v, int size, String type) {
    if (!PyOps.isInteger(v)) throw unusual(type, "index");
    BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE / 4);
    long i = PyOps.integer(v).max(limit.negate()).min(limit).longValueExact();
    return i < 0 ? Math.max(0, i + size) : i;
  }

  /**
   * CPython compares items by identity before ==, so a NaN is found when it is the very object
   * searched for; identity is not tracked here, so any NaN involved is unresolved.
   */
  private static void comparable(ListValue l, SettingValue x, String type, String method) {
    if (ValueSize.exceedsLimit(l) || ValueSize.exceedsLimit(x)) {
      throw new PyTooLarge(); // the walk below visits a shared value once per reference
    }
    if (hasNaN(l) || hasNaN(x)) {
      throw new PyUnresolved("calls " + type + "." + method + "() where a NaN is compared");
    }
  }

  private static boolean hasNaN(SettingValue value) {
    Deque<SettingValue> pending = new ArrayDeque<>(List.of(value));
    while (!pending.isEmpty()) {
      SettingValue v = pending.pop();
      if (v instanceof Float f && Double.isNaN(f.value())) {
        return true;
      } else if (v instanceof ListValue l) {
        l.items().forEach(pending::push);
      } else if (v instanceof DictValue d) {
        d.entries().values().forEach(pending::push);
        d.entries().keySet().forEach(k -> pending.push(PyDicts.keyObject(d, k)));
      }
    }
    return false;
  }

  private static PyUnresolved unusual(String type, String method) {
    return new PyUnresolved("calls " + type + "." + method + "() with unusual arguments");
  }
}
