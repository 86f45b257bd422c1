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
import java.util.Iterator;
import java.util.Map;

/**
 * What Python's {@code json.dumps(v, separators=(',', ':'), ensure_ascii=False)} prints, so a
 * nested setting read back with {@code json.loads} equals the original: no whitespace, unicode
 * kept, floats as repr, tuples as arrays, NaN and Infinity as Python writes them.
 */
public final class CompactJson {
  private CompactJson() {}

  public static String of(SettingValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(SettingValue value, StringBuilder out) {
    if (value instanceof Str s) {
      string(s.value(), out);
    } else if (value instanceof Int i) {
      out.append(i.value());
    } else if (value instanceof Float f) {
      out.append(number(f.value()));
    } else if (value instanceof Bool b) {
      out.append(b.value() ? "true" : "false");
    } else if (value instanceof None) {
      out.append("null");
    } else if (value instanceof ListValue l) {
      list(l, out);
    } else {
      dict((DictValue) value, out);
    }
  }

  private static void list(ListValue list, StringBuilder out) {
    out.append('[');
    for (Iterator<SettingValue> it = list.items().iterator(); it.hasNext(); ) {
      write(it.next(), out);
      if (it.hasNext()) out.append(',');
    }
    out.append(']');
  }

  private static void dict(DictValue dict, StringBuilder out) {
    out.append('{');
    for (Iterator<Map.Entry<String, SettingValue>> it = dict.entries().entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, SettingValue> e = it.next();
      string(e.getKey(), out);
      out.append(':');
      write(e.getValue(), out);
      if (it.hasNext()) out.append(',');
    }
    out.append('}');
  }

  private static String number(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
    return PythonRepr.of(d);
  }

  /** Python's py_encode_basestring: only quote, backslash and C0 controls are escaped. */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
