package envshift.mapping;

import envshift.settings.PythonRepr;
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingValue.Str;
import java.util.ArrayList;
import java.util.List;

/**
 * How a settings value is spelled as env var text: scalars as Python's {@code str()} prints them,
 * flat lists comma-joined (what django-environ's {@code env.list} splits), the rest compact JSON.
 */
final class ValueText {
  private ValueText() {}

  /** The text of a top-level setting; never called with None (the var is omitted instead). */
  static String of(SettingValue value) {
    if (value instanceof ListValue list) return list(list);
    if (value instanceof DictValue) return CompactJson.of(value);
    return scalar(value);
  }

  /** A query-string value: like {@link #of} but None spelled out and any list as JSON. */
  static String option(SettingValue value) {
    if (value instanceof None) return "None";
    if (value instanceof ListValue || value instanceof DictValue) return CompactJson.of(value);
    return scalar(value);
  }

  static boolean isScalar(SettingValue value) {
    return value instanceof Str
        || value instanceof Int
        || value instanceof Float
        || value instanceof Bool;
  }

  private static String list(ListValue list) {
    List<String> parts = new ArrayList<>();
    for (SettingValue item : list.items()) {
      if (!isScalar(item)) return CompactJson.of(list);
      parts.add(scalar(item));
    }
    return String.join(",", parts);
  }

  private static String scalar(SettingValue value) {
    if (value instanceof Str s) return s.value();
    if (value instanceof Int i) return i.value().toString();
    if (value instanceof Float f) return PythonRepr.of(f.value());
    if (value instanceof Bool b) return b.value() ? "True" : "False";
    throw new IllegalArgumentException("not a scalar: " + value);
  }
}
