package envshift.settings;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code str.format}: literal text, {@code {{ }}}, and replacement fields with automatic
 * or explicit positions, keyword names, {@code [key]} lookups, conversions and format specs (which
 * may hold nested fields). Attribute access in a field is not supported.
 */
final class PyFormat {
  private final List<SettingValue> args;
  private final Map<String, SettingValue> kwargs;
  private int nextAuto;
  private boolean manual;

  private PyFormat(List<SettingValue> args, Map<String, SettingValue> kwargs) {
    this.args = args;
    this.kwargs = kwargs;
  }

  static String format(String fmt, List<SettingValue> args, Map<String, SettingValue> kwargs) {
    String out = new PyFormat(args, kwargs).render(fmt, 0);
    PyOps.checkSize(out.length());
    return out;
  }

  private String render(String fmt, int depth) {
    if (depth > 1) {
      throw new PyUnresolved("uses a format spec nested too deeply");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      char next = i + 1 < fmt.length() ? fmt.charAt(i + 1) : 0;
      if ((c == '{' || c == '}') && next == c) {
        out.append(c);
        i += 2;
      } else if (c == '}') {
        throw new PyUnresolved("uses a malformed format string");
      } else if (c == '{') {
        int close = closing(fmt, i + 1);
        out.append(field(fmt.substring(i + 1, close), depth));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int closing(String fmt, int start) {
    int depth = 0;
    boolean inKey = false;
    for (int i = start; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (inKey) {
        inKey = c != ']';
      } else if (c == '[') {
        inKey = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw new PyUnresolved("uses a malformed format string");
  }

  private String field(String field, int depth) {
    int end = nameEnd(field);
    SettingValue value = lookup(field.substring(0, end));
    int i = end;
    if (i < field.length() && field.charAt(i) == '!') {
      char conversion = i + 1 < field.length() ? field.charAt(i + 1) : 0;
      value = convert(value, conversion);
      i += 2;
      if (i < field.length() && field.charAt(i) != ':') {
        throw new PyUnresolved("uses a malformed format string");
      }
    }
    String spec = i < field.length() ? field.substring(i + 1) : "";
    if (spec.indexOf('{') >= 0) {
      spec = render(spec, depth + 1);
    }
    return PyFormatSpec.format(value, spec);
  }

  private static int nameEnd(String field) {
    boolean inKey = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (inKey) {
        inKey = c != ']';
      } else if (c == '[') {
        inKey = true;
      } else if (c == '!' || c == ':') {
        return i;
      }
    }
    return field.length();
  }

  static SettingValue convert(SettingValue value, char conversion) {
    return switch (conversion) {
      case 's' -> new SettingValue.Str(PyRepr.str(value));
      case 'r' -> new SettingValue.Str(PyRepr.repr(value));
      case 'a' -> new SettingValue.Str(PyRepr.ascii(PyRepr.repr(value)));
      default -> throw new PyUnresolved("uses an unknown conversion in a format string");
    };
  }

  private SettingValue lookup(String name) {
    int end = 0;
    while (end < name.length() && name.charAt(end) != '.' && name.charAt(end) != '[') {
      end++;
    }
    SettingValue value = first(name.substring(0, end));
    int i = end;
    while (i < name.length()) {
      if (name.charAt(i) == '.') {
        throw new PyUnresolved("uses attribute access in a format field");
      }
      int close = name.indexOf(']', i);
      if (close < 0) {
        throw new PyUnresolved("uses a malformed format string");
      }
      String key = name.substring(i + 1, close);
      SettingValue k = key.matches("\\d{1,9}") ? SettingValue.Int.of(Long.parseLong(key))
          : new SettingValue.Str(key);
      value = PyOps.index(value, k);
      i = close + 1;
    }
    return value;
  }

  private SettingValue first(String name) {
    if (name.isEmpty()) {
      if (manual) {
        throw new PyUnresolved("mixes automatic and manual field numbering");
      }
      return positional(nextAuto++);
    }
    if (name.matches("\\d{1,9}")) {
      manual = true;
      if (nextAuto > 0) {
        throw new PyUnresolved("mixes automatic and manual field numbering");
      }
      return positional(Integer.parseInt(name));
    }
    SettingValue v = kwargs.get(name);
    if (v == null) {
      throw new PyUnresolved("formats a field with no matching keyword argument");
    }
    return v;
  }

  private SettingValue positional(int index) {
    if (index >= args.size()) {
      throw new PyUnresolved("formats a field with no matching positional argument");
    }
    return args.get(index);
  }
}
