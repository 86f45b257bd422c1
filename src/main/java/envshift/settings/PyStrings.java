package envshift.settings;

/** Python string-literal escape decoding (for str literals; bytes literals are never decoded). */
final class PyStrings {
  /** The one-letter C escapes Python and docker compose share, and what they stand for. */
  private static final String C_LETTERS = "abfnrtv";
  private static final String C_CHARS = "\u0007\b\f\n\r\t\u000b";

  private PyStrings() {}

  /** Appends the character a one-letter C escape ({@code \n}, ...) stands for; false if none. */
  static boolean appendCEscape(char letter, StringBuilder out) {
    int at = C_LETTERS.indexOf(letter);
    if (at < 0) {
      return false;
    }
    out.append(C_CHARS.charAt(at));
    return true;
  }

  /** Decodes the body of a non-raw str literal the way the Python compiler does. */
  static String decode(String body, String file, int line) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        i++;
        continue;
      }
      i = escape(body, i + 1, out, file, line);
    }
    return out.toString();
  }

  /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
  private static int escape(String body, int i, StringBuilder out, String file, int line) {
    char e = body.charAt(i);
    if (appendCEscape(e, out)) {
      return i + 1;
    }
    switch (e) {
      case '\n' -> {}
      case '\\', '\'', '"' -> out.append(e);
      case 'x' -> {
        return hex(body, i + 1, 2, out, file, line);
      }
      case 'u' -> {
        return hex(body, i + 1, 4, out, file, line);
      }
      case 'U' -> {
        return hex(body, i + 1, 8, out, file, line);
      }
      case 'N' -> {
        return named(body, i + 1, out, file, line);
      }
      default -> {
        if (e >= '0' && e <= '7') {
          return octal(body, i, out);
        }
        out.append('\\').append(e);
      }
    }
    return i + 1;
  }

  private static int hex(String body, int i, int digits, StringBuilder out, String file, int line) {
    if (i + digits > body.length()) {
      throw SettingsException.at(file, line, "invalid escape sequence in a string");
    }
    int cp;
    try {
      cp = Integer.parseUnsignedInt(body.substring(i, i + digits), 16);
    } catch (NumberFormatException e) {
      throw SettingsException.at(file, line, "invalid escape sequence in a string");
    }
    // parseUnsignedInt gives FFFFFFFF as -1: above U+10FFFF either way
    if (cp < 0 || cp > Character.MAX_CODE_POINT) {
      throw SettingsException.at(file, line, "illegal Unicode character in a \\U escape");
    }
    if (body.substring(i, i + digits).startsWith("+")) {
      throw SettingsException.at(file, line, "invalid escape sequence in a string");
    }
    out.appendCodePoint(cp);
    return i + digits;
  }

  private static int octal(String body, int i, StringBuilder out) {
    int end = i;
    while (end < body.length() && end < i + 3 && "01234567".indexOf(body.charAt(end)) >= 0) {
      end++;
    }
    out.appendCodePoint(Integer.parseInt(body.substring(i, end), 8));
    return end;
  }

  private static int named(String body, int i, StringBuilder out, String file, int line) {
    int close = body.indexOf('}', i);
    if (i >= body.length() || body.charAt(i) != '{' || close < 0) {
      throw SettingsException.at(file, line, "invalid \\N escape in a string");
    }
    try {
      out.appendCodePoint(Character.codePointOf(body.substring(i + 1, close)));
    } catch (IllegalArgumentException e) {
      throw SettingsException.at(file, line, "unknown Unicode character name in a string");
    }
    return close + 1;
  }
}
