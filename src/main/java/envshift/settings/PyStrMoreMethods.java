package envshift.settings;

import static envshift.settings.PyStrMethods.asciiOnly;
import static envshift.settings.PyStrMethods.isSpace;
import static envshift.settings.PyStrMethods.smallInt;
import static envshift.settings.PyStrMethods.text;
import static envshift.settings.PyStrMethods.unusual;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The str methods {@link PyStrMethods} hands on: case changes, padding, searching, partitioning,
 * line splitting and the is...() predicates, as CPython computes them. Positions and widths count
 * code points, as Python's do; case and character classes are computed for ASCII text only.
 */
final class PyStrMoreMethods {
  private PyStrMoreMethods() {}

  static SettingValue call(String method, String s, List<SettingValue> args) {
    return switch (method) {
      case "capitalize", "title", "swapcase", "casefold" -> new Str(changeCase(method, s, args));
      case "zfill" -> new Str(zfill(s, args));
      case "center", "ljust", "rjust" -> new Str(justify(method, s, args));
      case "rsplit" -> rsplit(s, args);
      case "splitlines" -> splitlines(s, args);
      case "partition", "rpartition" -> partition(method, s, args);
      case "count" -> new Int(BigInteger.valueOf(count(s, args)));
      case "find", "rfind", "index", "rindex" -> new Int(BigInteger.valueOf(find(method, s, args)));
      case "removeprefix", "removesuffix" -> new Str(remove(method, s, args));
      case "expandtabs" -> new Str(expandTabs(s, args));
      case "format_map" -> new Str(formatMap(s, args));
      default -> new Bool(predicate(method, s, args));
    };
  }

  private static String changeCase(String method, String s, List<SettingValue> args) {
    if (!args.isEmpty()) throw unusual(method);
    String ascii = asciiOnly(s, method);
    StringBuilder out = new StringBuilder(ascii.length());
    boolean previousCased = false;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      boolean upper = switch (method) {
        case "capitalize" -> i == 0;
        case "title" -> !previousCased;
        case "swapcase" -> isLower(c);
        default -> false;
      };
      out.append(upper ? toUpper(c) : toLower(c));
      previousCased = isLower(c) || isUpper(c);
    }
    return out.toString();
  }

  private static String zfill(String s, List<SettingValue> args) {
    if (args.size() != 1) throw unusual("zfill");
    long fill = width(args.get(0), "zfill") - length(s);
    if (fill <= 0) return s;
    PyOps.checkSize(s.length() + fill);
    String zeros = "0".repeat((int) fill);
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      return s.charAt(0) + zeros + s.substring(1);
    }
    return zeros + s;
  }

  private static String justify(String method, String s, List<SettingValue> args) {
    if (args.isEmpty() || args.size() > 2) throw unusual(method);
    long width = width(args.get(0), method);
    String fill = " ";
    if (args.size() == 2) {
      fill = text(args.get(1), method);
      if (length(fill) != 1) {
        throw new PyUnresolved("calls str." + method + "() with a fill that is not one character");
      }
    }
    long margin = width - length(s);
    if (margin <= 0) return s;
    PyOps.checkSize(s.length() + margin * fill.length());
    // CPython's split of an odd margin for center(): the extra goes left when width is odd
    long left = switch (method) {
      case "ljust" -> 0;
      case "rjust" -> margin;
      default -> margin / 2 + (margin & width & 1);
    };
    return fill.repeat((int) left) + s + fill.repeat((int) (margin - left));
  }

  /** A width argument, clamped: only its comparison with the length matters past the bound. */
  private static long width(SettingValue v, String method) {
    if (!PyOps.isInteger(v)) {
      throw new PyUnresolved("calls str." + method + "() with a " + PyRepr.typeName(v) + " width");
    }
    BigInteger w = PyOps.integer(v);
    if (w.compareTo(BigInteger.valueOf(ValueSize.LIMIT + 1L)) > 0) {
      throw new PyTooLarge();
    }
    return w.max(BigInteger.valueOf(-1)).longValueExact();
  }

  private static SettingValue rsplit(String s, List<SettingValue> args) {
    if (args.size() > 2) throw unusual("rsplit");
    int max = args.size() == 2 ? smallInt(args.get(1), "rsplit") : -1;
    List<SettingValue> parts = new ArrayList<>();
    if (args.isEmpty() || args.get(0) instanceof SettingValue.None) {
      String t = asciiOnly(s, "rsplit");
      int i = t.length() - 1;
      while (max < 0 || parts.size() < max) {
        while (i >= 0 && isSpace(t.charAt(i))) i--;
        if (i < 0) break;
        int end = i + 1;
        while (i >= 0 && !isSpace(t.charAt(i))) i--;
        parts.add(new Str(t.substring(i + 1, end)));
      }
      while (i >= 0 && isSpace(t.charAt(i))) i--;
      if (i >= 0) {
        parts.add(new Str(t.substring(0, i + 1))); // the rest once maxsplit is reached
      }
    } else {
      String sep = text(args.get(0), "rsplit");
      if (sep.isEmpty()) throw new PyUnresolved("calls str.rsplit() with an empty separator");
      int end = s.length();
      while (max < 0 || parts.size() < max) {
        int at = end - sep.length() < 0 ? -1 : s.lastIndexOf(sep, end - sep.length());
        if (at < 0) break;
        parts.add(new Str(s.substring(at + sep.length(), end)));
        end = at;
      }
      parts.add(new Str(s.substring(0, end)));
    }
    Collections.reverse(parts);
    return new ListValue(parts, false);
  }

  /** Python's line boundaries: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028 and U+2029. */
  private static SettingValue splitlines(String s, List<SettingValue> args) {
    if (args.size() > 1 || args.size() == 1 && !PyOps.isInteger(args.get(0))) {
      throw unusual("splitlines");
    }
    boolean keepEnds = args.size() == 1 && PyOps.integer(args.get(0)).signum() != 0;
    List<SettingValue> lines = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean boundary = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
          || c >= 0x1c && c <= 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
      if (!boundary) {
        i++;
        continue;
      }
      int end = i;
      i += c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
      lines.add(new Str(s.substring(start, keepEnds ? i : end)));
      start = i;
    }
    if (start < s.length()) {
      lines.add(new Str(s.substring(start)));
    }
    return new ListValue(lines, false);
  }

  private static SettingValue partition(String method, String s, List<SettingValue> args) {
    if (args.size() != 1) throw unusual(method);
    String sep = text(args.get(0), method);
    if (sep.isEmpty()) throw new PyUnresolved("calls str." + method + "() with an empty separator");
    boolean right = method.equals("rpartition");
    int at = right ? s.lastIndexOf(sep) : s.indexOf(sep);
    List<SettingValue> parts;
    if (at < 0) {
      parts = right ? List.of(new Str(""), new Str(""), new Str(s))
          : List.of(new Str(s), new Str(""), new Str(""));
    } else {
      parts = List.of(new Str(s.substring(0, at)), new Str(sep),
          new Str(s.substring(at + sep.length())));
    }
    return new ListValue(parts, true);
  }

  /** count(sub[, start[, end]]): non-overlapping occurrences within the slice. */
  private static long count(String s, List<SettingValue> args) {
    Window w = window("count", s, args);
    if (w.end - w.start < length(w.sub)) return 0;
    if (w.sub.isEmpty()) return w.end - w.start + 1;
    String part = s.substring(offset(s, w.start), offset(s, w.end));
    long n = 0;
    for (int at = part.indexOf(w.sub); at >= 0; at = part.indexOf(w.sub, at + w.sub.length())) {
      n++;
    }
    return n;
  }

  /** find, rfind, index, rindex: a code point index; index and rindex refuse a miss. */
  private static long find(String method, String s, List<SettingValue> args) {
    Window w = window(method, s, args);
    long found = -1;
    if (w.end - w.start >= length(w.sub)) {
      int from = offset(s, w.start);
      String part = s.substring(from, offset(s, w.end));
      int at = method.startsWith("r") ? part.lastIndexOf(w.sub) : part.indexOf(w.sub);
      found = at < 0 ? -1 : w.start + part.codePointCount(0, at);
    }
    if (found < 0 && method.endsWith("index")) {
      throw new PyUnresolved("calls str." + method + "() for text that is not there");
    }
    return found;
  }

  /** The searched text and the slice [start, end) in code points, clamped as CPython does. */
  private record Window(String sub, long start, long end) {}

  private static Window window(String method, String s, List<SettingValue> args) {
    if (args.isEmpty() || args.size() > 3) throw unusual(method);
    String sub = text(args.get(0), method);
    long length = length(s);
    long start = args.size() > 1 ? sliceIndex(args.get(1), 0, method) : 0;
    long end = args.size() > 2 ? sliceIndex(args.get(2), length, method) : length;
    if (end > length) {
      end = length;
    } else if (end < 0) {
      end = Math.max(0, end + length);
    }
    if (start < 0) {
      start = Math.max(0, start + length);
    }
    return new Window(sub, start, end);
  }

  /** A slice bound: None, or an int clipped far beyond any length, as CPython clips it. */
  private static long sliceIndex(SettingValue v, long none, String method) {
    if (v instanceof SettingValue.None) return none;
    if (!PyOps.isInteger(v)) throw unusual(method);
    BigInteger limit = BigInteger.valueOf(Long.MAX_VALUE / 4);
    return PyOps.integer(v).max(limit.negate()).min(limit).longValueExact();
  }

  /** The UTF-16 offset of a code point index, which is within the text. */
  private static int offset(String s, long codePoints) {
    return s.offsetByCodePoints(0, (int) Math.min(codePoints, length(s)));
  }

  private static long length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String remove(String method, String s, List<SettingValue> args) {
    if (args.size() != 1) throw unusual(method);
    String affix = text(args.get(0), method);
    if (method.equals("removeprefix")) {
      return s.startsWith(affix) ? s.substring(affix.length()) : s;
    }
    return s.endsWith(affix) ? s.substring(0, s.length() - affix.length()) : s;
  }

  /** Tabs become spaces to the next multiple of tabsize; \n and \r restart the column. */
  private static String expandTabs(String s, List<SettingValue> args) {
    if (args.size() > 1 || args.size() == 1 && !PyOps.isInteger(args.get(0))) {
      throw unusual("expandtabs");
    }
    BigInteger size = args.isEmpty() ? BigInteger.valueOf(8) : PyOps.integer(args.get(0));
    if (size.compareTo(BigInteger.valueOf(ValueSize.LIMIT + 1L)) > 0 && s.indexOf('\t') >= 0) {
      throw new PyTooLarge();
    }
    long tab = size.min(BigInteger.valueOf(ValueSize.LIMIT + 1L)).longValue();
    StringBuilder out = new StringBuilder(s.length());
    long column = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\t') {
        if (tab > 0) {
          long spaces = tab - column % tab;
          PyOps.checkSize(out.length() + spaces);
          out.append(" ".repeat((int) spaces));
          column += spaces;
        }
      } else {
        out.append(c);
        if (!Character.isLowSurrogate(c)) column++; // a column per code point
        if (c == '\n' || c == '\r') column = 0;
      }
    }
    return out.toString();
  }

  /** format_map(d): str.format with d's str keys as the names, and no positional fields. */
  private static String formatMap(String s, List<SettingValue> args) {
    if (args.size() != 1 || !(args.get(0) instanceof DictValue d)) {
      throw unusual("format_map");
    }
    Map<String, SettingValue> names = new LinkedHashMap<>();
    d.entries().forEach((k, v) -> {
      if (PyDicts.keyObject(d, k) instanceof Str key) names.put(key.value(), v);
    });
    return PyFormat.format(s, List.of(), names);
  }

  private static boolean predicate(String method, String s, List<SettingValue> args) {
    if (!args.isEmpty()) throw unusual(method);
    String ascii = asciiOnly(s, method);
    if (ascii.isEmpty()) return false;
    boolean cased = false;
    for (char c : ascii.toCharArray()) {
      boolean holds = switch (method) {
        case "isdigit" -> isDigit(c);
        case "isalpha" -> isLower(c) || isUpper(c);
        case "isalnum" -> isLower(c) || isUpper(c) || isDigit(c);
        case "isupper" -> !isLower(c);
        case "islower" -> !isUpper(c);
        default -> isSpace(c);
      };
      if (!holds) return false;
      cased |= isLower(c) || isUpper(c);
    }
    return cased || !(method.equals("isupper") || method.equals("islower"));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static char toUpper(char c) {
    return isLower(c) ? (char) (c - 32) : c;
  }

  private static char toLower(char c) {
    return isUpper(c) ? (char) (c + 32) : c;
  }
}
