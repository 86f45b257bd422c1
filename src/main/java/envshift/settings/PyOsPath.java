package envshift.settings;

import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.util.List;
import java.util.Set;

/**
 * The pure functions of {@code os.path} on known text, as CPython's posixpath computes them (a
 * legacy deploy server and a Heroku dyno are both POSIX): {@code join}, {@code dirname},
 * {@code basename}, {@code split} and {@code splitext}. Anything that reads the machine
 * ({@code abspath}, {@code expanduser}, {@code exists}...) is not here: its value depends on where
 * the file is run, so the setting stays unresolved.
 */
final class PyOsPath {
  private static final Set<String> FUNCTIONS =
      Set.of("os.path.join", "os.path.dirname", "os.path.basename", "os.path.split",
          "os.path.splitext");

  private PyOsPath() {}

  static boolean handles(String callee) {
    return FUNCTIONS.contains(callee);
  }

  static SettingValue call(String callee, List<SettingValue> args) {
    String name = callee.substring("os.path.".length());
    if (args.isEmpty() || !name.equals("join") && args.size() != 1) {
      throw new PyUnresolved("calls " + callee + "() with unusual arguments");
    }
    String[] texts = new String[args.size()];
    for (int i = 0; i < args.size(); i++) {
      if (!(args.get(i) instanceof Str s)) {
        throw new PyUnresolved("calls " + callee + "() on a " + PyRepr.typeName(args.get(i)));
      }
      texts[i] = s.value();
    }
    String p = texts[0];
    return switch (name) {
      case "join" -> new Str(join(texts));
      case "dirname" -> new Str(split(p)[0]);
      case "basename" -> new Str(p.substring(p.lastIndexOf('/') + 1));
      case "split" -> pair(split(p));
      default -> pair(splitext(p));
    };
  }

  private static String join(String[] parts) {
    StringBuilder path = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      String b = parts[i];
      if (b.startsWith("/")) {
        path.setLength(0);
        path.append(b);
      } else if (path.length() == 0 || path.charAt(path.length() - 1) == '/') {
        path.append(b);
      } else {
        path.append('/').append(b);
      }
      PyOps.checkSize(path.length());
    }
    return path.toString();
  }

  /** posixpath.split: the head loses its trailing slashes unless it is all slashes. */
  private static String[] split(String p) {
    int i = p.lastIndexOf('/') + 1;
    String head = p.substring(0, i);
    String tail = p.substring(i);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
      int end = head.length();
      while (end > 0 && head.charAt(end - 1) == '/') {
        end--;
      }
      head = head.substring(0, end);
    }
    return new String[] {head, tail};
  }

  /** genericpath._splitext: leading dots of the last component do not start an extension. */
  private static String[] splitext(String p) {
    int sep = p.lastIndexOf('/');
    int dot = p.lastIndexOf('.');
    if (dot > sep) {
      for (int i = sep + 1; i < dot; i++) {
        if (p.charAt(i) != '.') {
          return new String[] {p.substring(0, dot), p.substring(dot)};
        }
      }
    }
    return new String[] {p, ""};
  }

  private static ListValue pair(String[] parts) {
    return new ListValue(List.of(new Str(parts[0]), new Str(parts[1])), true);
  }
}
