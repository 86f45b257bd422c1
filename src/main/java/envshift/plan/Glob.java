package envshift.plan;

import java.util.regex.Pattern;

/** Shell-style globs over variable names: {@code *} is any run of characters, {@code ?} one. */
final class Glob {
  private Glob() {}

  static boolean matches(String glob, String name, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(quote(literal)).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(quote(literal));
    int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
    return Pattern.compile(regex.toString(), flags | Pattern.DOTALL).matcher(name).matches();
  }

  static boolean any(Iterable<String> globs, String name, boolean ignoreCase) {
    for (String glob : globs) {
      if (matches(glob, name, ignoreCase)) {
        return true;
      }
    }
    return false;
  }

  private static String quote(CharSequence literal) {
    return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
  }
}
