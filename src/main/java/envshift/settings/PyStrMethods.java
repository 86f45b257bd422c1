package envshift.settings;

import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pure {@code str} methods real settings files call on known text, as CPython computes them:
 * {@code os.getenv('ALLOWED_HOSTS', 'a,b').split(',')}, {@code ','.join(HOSTS)}, {@code .strip()},
 * {@code .lower()}... Where Java and Python could differ (Unicode case mappings and whitespace,
 * surrogate pairs) the call is unresolved: never a guessed value.
 */
final class PyStrMethods {
  private static final Set<String> NAMES = Set.of("split", "strip", "lstrip", "rstrip", "lower",
      "upper", "join", "replace", "startswith", "endswith", "capitalize", "title", "swapcase",
      "casefold", "zfill", "center", "ljust", "rjust", "rsplit", "splitlines", "partition",
      "rpartition", "count", "find", "rfind", "index", "rindex", "removeprefix", "removesuffix",
      "isdigit", "isalpha", "isalnum", "isupper", "islower", "isspace", "expandtabs",
      "format_map");

  private PyStrMethods() {}

  static boolean handles(String method) {
    return NAMES.contains(method);
  }

  static SettingValue call(String method, String s, List<SettingValue> args) {
    return switch (method) {
      case "split" -> split(s, args);
      case "strip", "lstrip", "rstrip" -> new Str(strip(method, s, args));
      case "lower", "upper" -> new Str(changeCase(method, s, args));
      case "join" -> new Str(join(s, args));
      case "replace" -> new Str(replace(s, args));
      case "startswith", "endswith" -> new Bool(affix(method, s, args));
      default -> PyStrMoreMethods.call(method, s, args);
    };
  }

  private static SettingValue split(String s, List<SettingValue> args) {
    if (args.size() > 2) throw unusual("split");
    int max = args.size() == 2 ? smallInt(args.get(1), "split") : -1;
    List<SettingValue> parts = new ArrayList<>();
    if (args.isEmpty() || args.get(0) instanceof SettingValue.None) {
      // runs of whitespace; the part left after maxsplit keeps its trailing whitespace
      String rest = leftStripped(asciiOnly(s, "split"));
      while (!rest.isEmpty()) {
        if (max >= 0 && parts.size() == max) {
          parts.add(new Str(rest));
          break;
        }
        int end = 0;
        while (end < rest.length() && !isSpace(rest.charAt(end))) end++;
        parts.add(new Str(rest.substring(0, end)));
        rest = leftStripped(rest.substring(end));
      }
      return new ListValue(parts, false);
    }
    String sep = text(args.get(0), "split");
    if (sep.isEmpty()) throw new PyUnresolved("calls str.split() with an empty separator");
    int from = 0;
    while (max < 0 || parts.size() < max) {
      int at = s.indexOf(sep, from);
      if (at < 0) break;
      parts.add(new Str(s.substring(from, at)));
      from = at + sep.length();
    }
    parts.add(new Str(s.substring(from)));
    return new ListValue(parts, false);
  }

  private static String strip(String method, String s, List<SettingValue> args) {
    if (args.size() > 1) throw unusual(method);
    boolean whitespace = args.isEmpty() || args.get(0) instanceof SettingValue.None;
    String chars = whitespace ? "" : text(args.get(0), method);
    int[] cps = (whitespace ? asciiOnly(s, method) : s).codePoints().toArray();
    int start = 0;
    int end = cps.length;
    boolean left = !method.equals("rstrip");
    boolean right = !method.equals("lstrip");
    while (left && start < end && stripped(cps[start], whitespace, chars)) start++;
    while (right && end > start && stripped(cps[end - 1], whitespace, chars)) end--;
    return new String(cps, start, end - start);
  }

  private static boolean stripped(int cp, boolean whitespace, String chars) {
    return whitespace ? cp < 128 && isSpace((char) cp) : chars.codePoints().anyMatch(c -> c == cp);
  }

  private static String changeCase(String method, String s, List<SettingValue> args) {
    if (!args.isEmpty()) throw unusual(method);
    String ascii = asciiOnly(s, method);
    StringBuilder out = new StringBuilder(ascii.length());
    for (char c : ascii.toCharArray()) {
      boolean lower = method.equals("lower");
      if (lower && c >= 'A' && c <= 'Z') out.append((char) (c + 32));
      else if (!lower && c >= 'a' && c <= 'z') out.append((char) (c - 32));
      else out.append(c);
    }
    return out.toString();
  }

  private static String join(String sep, List<SettingValue> args) {
    if (args.size() != 1) throw unusual("join");
    List<String> items = new ArrayList<>();
    long length = 0;
    for (SettingValue item : PyOps.iterate(args.get(0))) {
      if (!(item instanceof Str str)) {
        throw new PyUnresolved("calls str.join() on an item that is not a str");
      }
      items.add(str.value());
      length += str.value().length() + sep.length();
      PyOps.checkSize(length);
    }
    return String.join(sep, items);
  }

  private static String replace(String s, List<SettingValue> args) {
    if (args.size() < 2 || args.size() > 3) throw unusual("replace");
    String old = text(args.get(0), "replace");
    String with = text(args.get(1), "replace");
    int count = args.size() == 3 ? smallInt(args.get(2), "replace") : -1;
    if (old.isEmpty()) throw new PyUnresolved("calls str.replace() with an empty pattern");
    StringBuilder out = new StringBuilder();
    int from = 0;
    int done = 0;
    while (count < 0 || done < count) {
      int at = s.indexOf(old, from);
      if (at < 0) break;
      out.append(s, from, at).append(with);
      PyOps.checkSize(out.length());
      from = at + old.length();
      done++;
    }
    return out.append(s.substring(from)).toString();
  }

  private static boolean affix(String method, String s, List<SettingValue> args) {
    if (args.size() != 1) throw unusual(method);
    List<SettingValue> options = args.get(0) instanceof ListValue l && l.tuple() ? l.items()
        : List.of(args.get(0));
    for (SettingValue option : options) {
      String t = text(option, method);
      if (method.equals("startswith") ? s.startsWith(t) : s.endsWith(t)) return true;
    }
    return false;
  }

  private static String leftStripped(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) i++;
    return s.substring(i);
  }

  /** Python's str.isspace() for ASCII: space, \t \n \x0b \x0c \r and \x1c-\x1f. */
  static boolean isSpace(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
  }

  static String asciiOnly(String s, String method) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        throw new PyUnresolved("calls str." + method + "() on non-ASCII text");
      }
    }
    return s;
  }

  static String text(SettingValue v, String method) {
    if (v instanceof Str s) return s.value();
    throw new PyUnresolved("calls str." + method + "() with a " + PyRepr.typeName(v));
  }

  static int smallInt(SettingValue v, String method) {
    if (v instanceof Int i && i.value().bitLength() < 31) return Math.max(-1, i.value().intValue());
    throw unusual(method);
  }

  static PyUnresolved unusual(String method) {
    return new PyUnresolved("calls str." + method + "() with unusual arguments");
  }
}
