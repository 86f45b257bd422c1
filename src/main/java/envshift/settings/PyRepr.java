package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.util.stream.Collectors;

/** Python's str() and repr() of the values the evaluator handles, and json.dumps dict keys. */
final class PyRepr {
  private PyRepr() {}

  static String str(SettingValue v) {
    if (v instanceof Str s) {
      return s.value();
    }
    return repr(v);
  }

  static String repr(SettingValue v) {
    if ((v instanceof ListValue || v instanceof DictValue) && ValueSize.exceedsLimit(v)) {
      throw new PyTooLarge(); // a value shared many times is written out each time
    }
    return render(v);
  }

  private static String render(SettingValue v) {
    if (v instanceof Str s) {
      return quote(s.value());
    } else if (v instanceof Int i) {
      return i.value().toString();
    } else if (v instanceof Float f) {
      return PythonRepr.of(f.value());
    } else if (v instanceof Bool b) {
      return b.value() ? "True" : "False";
    } else if (v instanceof ListValue l) {
      String items = l.items().stream().map(PyRepr::render).collect(Collectors.joining(", "));
      if (!l.tuple()) {
        return "[" + items + "]";
      }
      return l.items().size() == 1 ? "(" + items + ",)" : "(" + items + ")";
    } else if (v instanceof DictValue d) {
      return d.entries().entrySet().stream()
          .map(e -> render(PyDicts.keyObject(d, e.getKey())) + ": " + render(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return "None";
  }

  /** The type name Python would print, for warnings ("adds str and int"). */
  static String typeName(SettingValue v) {
    if (v instanceof Str) {
      return "str";
    } else if (v instanceof Int) {
      return "int";
    } else if (v instanceof Float) {
      return "float";
    } else if (v instanceof Bool) {
      return "bool";
    } else if (v instanceof ListValue l) {
      return l.tuple() ? "tuple" : "list";
    } else if (v instanceof DictValue) {
      return "dict";
    }
    return "NoneType";
  }

  /** A dict key as json.dumps would write it, which is how DictValue stores keys. */
  static String dictKey(SettingValue key) {
    if (key instanceof Str s) {
      return s.value();
    } else if (key instanceof Int i) {
      return i.value().toString();
    } else if (key instanceof Bool b) {
      return b.value() ? "true" : "false";
    } else if (key instanceof SettingValue.None) {
      return "null";
    } else if (key instanceof Float f) {
      double d = f.value();
      return Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
          : PythonRepr.of(d);
    }
    throw new PyUnresolved("uses a dict key of type " + typeName(key));
  }

  /** Python's repr(str): single quotes unless the text has ' and no ", escapes for the rest. */
  static String quote(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder(s.length() + 2).append(q);
    s.codePoints().forEach(cp -> escapeInto(b, cp, q));
    return b.append(q).toString();
  }

  private static void escapeInto(StringBuilder b, int cp, char q) {
    if (cp == q || cp == '\\') {
      b.append('\\').appendCodePoint(cp);
    } else if (cp == '\t') {
      b.append("\\t");
    } else if (cp == '\n') {
      b.append("\\n");
    } else if (cp == '\r') {
      b.append("\\r");
    } else if (cp >= 0x20 && cp < 0x7f || cp > 0x7f && isPrintable(cp)) {
      b.appendCodePoint(cp);
    } else {
      b.append(hexEscape(cp));
    }
  }

  /** ascii(): repr with every non-ASCII character escaped. */
  static String ascii(String repr) {
    StringBuilder b = new StringBuilder(repr.length());
    repr.codePoints().forEach(cp -> {
      if (cp < 0x80) {
        b.appendCodePoint(cp);
      } else {
        b.append(hexEscape(cp));
      }
    });
    return b.toString();
  }

  private static String hexEscape(int cp) {
    if (cp <= 0xff) {
      return String.format("\\x%02x", cp);
    }
    return cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp);
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return type != Character.CONTROL
        && type != Character.FORMAT
        && type != Character.SURROGATE
        && type != Character.PRIVATE_USE
        && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SPACE_SEPARATOR;
  }
}
