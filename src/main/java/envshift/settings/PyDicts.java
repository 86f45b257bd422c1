package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.Str;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Python's dict key semantics over {@link DictValue}, whose keys are the strings json.dumps would
 * write: {@code 1}, {@code True} and {@code 1.0} are one key (the first key object is kept, the
 * last value wins), while {@code 1} and {@code '1'} are two keys that JSON cannot tell apart, so such a
 * dict is unresolved rather than merged. The key objects of dicts that have a non-str key are
 * remembered per parse, by identity, so that lookups, iteration and repr() see {@code 1} and not
 * {@code '1'}; a dict that is not remembered has str keys only.
 */
final class PyDicts {
  /**
   * Set for the duration of one parse: the static helpers (PyOps, PyRepr, PyPercent) need the key
   * objects too, and threading a registry through every one of them would touch each signature.
   */
  private static final ThreadLocal<Map<DictValue, Map<String, SettingValue>>> KEYS =
      new ThreadLocal<>();

  private PyDicts() {}

  /** Runs one parse with its own registry of key objects. */
  static <T> T scoped(Supplier<T> parse) {
    Map<DictValue, Map<String, SettingValue>> outer = KEYS.get();
    KEYS.set(new IdentityHashMap<>());
    try {
      return parse.get();
    } finally {
      if (outer == null) {
        KEYS.remove();
      } else {
        KEYS.set(outer);
      }
    }
  }

  /** The key object behind one stored key: a str unless the dict was built with other keys. */
  static SettingValue keyObject(DictValue d, String stored) {
    Map<DictValue, Map<String, SettingValue>> registry = KEYS.get();
    Map<String, SettingValue> keys = registry == null ? null : registry.get(d);
    return keys == null ? new Str(stored) : keys.getOrDefault(stored, new Str(stored));
  }

  /** The dict's keys as Python objects, in order. */
  static List<SettingValue> keys(DictValue d) {
    List<SettingValue> keys = new ArrayList<>();
    d.entries().keySet().forEach(k -> keys.add(keyObject(d, k)));
    return keys;
  }

  /** The stored key Python would find for {@code key}, or null when the dict has none equal. */
  static String find(DictValue d, SettingValue key) {
    Object wanted = equality(key);
    for (String stored : d.entries().keySet()) {
      if (equality(keyObject(d, stored)).equals(wanted)) {
        return stored;
      }
    }
    return null;
  }

  static boolean contains(DictValue d, SettingValue key) {
    return find(d, key) != null;
  }

  static Builder builder() {
    return new Builder();
  }

  /** A dict copied from {@code d}, to be changed and built again. */
  static Builder builder(DictValue d) {
    Builder b = new Builder();
    d.entries().forEach((k, v) -> b.put(keyObject(d, k), v));
    return b;
  }

  /**
   * What Python's hash/eq make of a key: one object per equivalence class. Unhashable and
   * unsupported keys (lists, tuples, NaN) are unresolved.
   */
  private static Object equality(SettingValue key) {
    if (key instanceof Str s) {
      return "s" + s.value();
    } else if (key instanceof Int || key instanceof Bool) {
      return PyOps.integer(key);
    } else if (key instanceof Float f) {
      double v = f.value();
      if (Double.isNaN(v)) {
        throw new PyUnresolved("uses a NaN dict key");
      }
      if (!Double.isInfinite(v) && v == Math.rint(v)) {
        return new BigDecimal(v).toBigIntegerExact();
      }
      return v;
    } else if (key instanceof SettingValue.None) {
      return SettingValue.None.INSTANCE;
    }
    throw new PyUnresolved("uses a dict key of type " + PyRepr.typeName(key));
  }

  /** Builds a dict entry by entry, with Python's key equality. */
  static final class Builder {
    private final Map<Object, String> stored = new HashMap<>();
    private final Map<String, SettingValue> entries = new LinkedHashMap<>();
    private final Map<String, SettingValue> keyObjects = new LinkedHashMap<>();
    private boolean onlyStr = true;

    Builder put(SettingValue key, SettingValue value) {
      Object eq = equality(key);
      String k = stored.get(eq);
      if (k == null) {
        k = PyRepr.dictKey(key);
        if (entries.containsKey(k)) {
          throw new PyUnresolved("has dict keys that Python tells apart but JSON writes alike");
        }
        stored.put(eq, k);
        keyObjects.put(k, key);
        onlyStr &= key instanceof Str;
      }
      entries.put(k, value);
      return this;
    }

    Builder putAll(DictValue d) {
      d.entries().forEach((k, v) -> put(keyObject(d, k), v));
      return this;
    }

    boolean has(SettingValue key) {
      return stored.containsKey(equality(key));
    }

    SettingValue get(SettingValue key) {
      return entries.get(stored.get(equality(key)));
    }

    DictValue build() {
      DictValue d = new DictValue(entries);
      Map<DictValue, Map<String, SettingValue>> registry = KEYS.get();
      if (!onlyStr && registry != null) {
        registry.put(d, Map.copyOf(keyObjects));
      }
      return d;
    }
  }
}
