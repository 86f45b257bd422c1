package envshift.settings;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed settings value, as the settings file declared it (before any mapping to env vars). The set is
 * closed: Python literals plus what JSON/YAML/INI/dotenv can express. toString() never shows content,
 * because these values are secrets.
 */
public sealed interface SettingValue {

  /** A string. */
  record Str(String value) implements SettingValue {
    public Str {
      Objects.requireNonNull(value, "value == null");
    }

    @Override
    public String toString() {
      return "Str<" + value.length() + " chars>";
    }
  }

  /** An integer of any size (Python ints are unbounded). */
  record Int(BigInteger value) implements SettingValue {
    public Int {
      Objects.requireNonNull(value, "value == null");
    }

    public static Int of(long v) {
      return new Int(BigInteger.valueOf(v));
    }

    @Override
    public String toString() {
      return "Int<hidden>";
    }
  }

  /** A float; rendered the way Python's repr() prints it by the mapping. */
  record Float(double value) implements SettingValue {
    @Override
    public String toString() {
      return "Float<hidden>";
    }
  }

  /** True or False. */
  record Bool(boolean value) implements SettingValue {
    @Override
    public String toString() {
      return "Bool<hidden>";
    }
  }

  /** Python None, JSON/YAML null. */
  record None() implements SettingValue {
    public static final None INSTANCE = new None();
  }

  /** A list or (when {@code tuple}) a tuple; JSON/YAML arrays are lists. */
  record ListValue(List<SettingValue> items, boolean tuple) implements SettingValue {
    public ListValue {
      items = List.copyOf(items);
    }

    @Override
    public String toString() {
      return (tuple ? "Tuple" : "List") + "<" + items.size() + " items>";
    }
  }

  /**
   * A dict/object with insertion order kept. Non-string keys are converted to strings the way Python's
   * json.dumps does (1 → "1", True → "true", None → "null").
   */
  record DictValue(Map<String, SettingValue> entries) implements SettingValue {
    public DictValue {
      entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String toString() {
      return "Dict<" + entries.size() + " keys>";
    }
  }
}
