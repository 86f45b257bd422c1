package envshift.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dotenv file the way docker compose's {@code env_file} does (compose-go's dotenv parser):
 * comments, {@code export}, {@code KEY=value} or {@code KEY: value}, unquoted values cut at {@code
 * " #"}, single quotes literal but for {@code \'}, double quotes with escapes and several lines,
 * and interpolation of unquoted and double-quoted values against earlier keys only. Two deliberate
 * differences: text after a closing quote must be a comment (compose would read it as another key),
 * and {@code export} must be followed by a space.
 */
final class ComposeDotenv {
  private final String text;
  private final String file;
  private final boolean lenient;
  private final DotenvEvents events;
  private final Map<String, String> defined = new HashMap<>();
  private final List<DotenvEntry> entries = new ArrayList<>();
  private int pos;
  private int line = 1;

  private ComposeDotenv(String text, String file, boolean lenient, DotenvEvents events) {
    this.text = text;
    this.file = file;
    this.lenient = lenient;
    this.events = events;
  }

  /**
   * The entries in file order. {@code lenient} keeps a {@code $} that starts no variable and skips
   * a line that is not an assignment (each with an event) instead of failing as compose does.
   */
  static List<DotenvEntry> parse(String text, String file, boolean lenient, DotenvEvents events) {
    ComposeDotenv p = new ComposeDotenv(text, file, lenient, events);
    while (p.statement()) {
      // one statement at a time
    }
    return p.entries;
  }

  private boolean statement() {
    while (pos < text.length() && isUnicodeSpace(text.charAt(pos))) {
      line += text.charAt(pos++) == '\n' ? 1 : 0;
    }
    if (pos >= text.length()) {
      return false;
    }
    if (text.charAt(pos) == '#') {
      skipToEndOfLine();
      return true;
    }
    int keyLine = line;
    if (text.startsWith("export", pos) && pos + 6 < text.length()
        && isSpace(text.charAt(pos + 6))) {
      pos += 6;
      skipSpaces();
    }
    String key = key();
    if (key == null) {
      return skipLine(keyLine);
    }
    if (pos >= text.length() || text.charAt(pos) == '\n') {
      events.inherited(key, keyLine);
      return true;
    }
    pos++;
    int afterEquals = pos;
    skipSpaces();
    if (pos > afterEquals && pos < text.length() && text.charAt(pos) == '#') {
      events.commentOnlyValue(key, keyLine);
    }
    boolean quotedValue =
        pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'');
    String value = quotedValue ? quoted(key, keyLine) : unquoted(key, keyLine);
    if (value == null) {
      return skipLine(keyLine);
    }
    defined.put(key, value);
    entries.add(new DotenvEntry(key, value, keyLine));
    return true;
  }

  /** The key at the cursor; null (lenient only) when the line is not an assignment. */
  private String key() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '=' || c == ':' || c == '\n') {
        break;
      }
      if (!isSpace(c) && !Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
        return notAssignment("unexpected character in a variable name");
      }
      pos++;
    }
    String key = text.substring(start, pos).strip();
    if (key.isEmpty()) {
      return notAssignment("missing variable name");
    }
    if (key.chars().anyMatch(c -> isSpace((char) c))) {
      return notAssignment("a variable name cannot contain a space");
    }
    return key;
  }

  private String notAssignment(String what) {
    if (!lenient) {
      throw SettingsException.at(file, line, what);
    }
    return null;
  }

  /**
   * A line that is not an assignment ({@code source activate.sh}, {@code KEY="a" or "b"}): only
   * the lenient reader gets here, and it reads on at the next line, as python-dotenv does.
   */
  private boolean skipLine(int keyLine) {
    skipToEndOfLine();
    events.notAssignment(keyLine);
    return true;
  }

  private String unquoted(String key, int keyLine) {
    int end = text.indexOf('\n', pos);
    end = end < 0 ? text.length() : end;
    String value = text.substring(pos, end);
    pos = end;
    int comment = value.indexOf(" #");
    value = comment >= 0 ? value.substring(0, comment) : value;
    int last = value.length();
    while (last > 0 && isUnicodeSpace(value.charAt(last - 1))) {
      last--;
    }
    return interpolation(key, keyLine).expand(value.substring(0, last));
  }

  private String quoted(String key, int keyLine) {
    char quote = text.charAt(pos);
    StringBuilder chars = new StringBuilder();
    boolean escaped = false;
    for (int i = pos + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      line += c == '\n' ? 1 : 0;
      if (c == quote && !escaped) {
        pos = i + 1;
        if (!afterClosingQuote()) {
          return null;
        }
        String value = chars.toString();
        return quote == '"' ? interpolation(key, keyLine).expand(expandEscapes(value)) : value;
      }
      if (c == '\\' && !escaped) {
        escaped = true;
        continue;
      }
      if (escaped && c != quote) {
        chars.append('\\');
      }
      escaped = false;
      chars.append(c);
    }
    throw SettingsException.at(file, keyLine, key + ": unterminated quoted value");
  }

  /** Only a comment may follow a closing quote; false (lenient only) when more text does. */
  private boolean afterClosingQuote() {
    skipSpaces();
    if (pos < text.length() && text.charAt(pos) == '#') {
      skipToEndOfLine();
    }
    if (pos < text.length() && text.charAt(pos) != '\n') {
      return notAssignment("unexpected text after a closing quote") != null;
    }
    return true;
  }

  /** The escapes compose expands in double quotes; {@code \$} becomes {@code $$}, a literal $. */
  static String expandEscapes(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char e = s.charAt(++i);
      if (PyStrings.appendCEscape(e, out)) {
        continue;
      }
      switch (e) {
        case '\\', '"' -> out.append(e);
        case '$' -> out.append("$$");
        default -> out.append('\\').append(e);
      }
    }
    return out.toString();
  }

  private ComposeInterpolation interpolation(String key, int keyLine) {
    return new ComposeInterpolation(defined, file, key, keyLine, lenient, events);
  }

  private void skipSpaces() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private void skipToEndOfLine() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  /** compose's isSpace: blanks that are not a line feed. */
  private static boolean isSpace(char c) {
    return c == '\t' || c == '\u000b' || c == '\f' || c == '\r' || c == ' ' || c == '\u0085'
        || c == '\u00a0';
  }

  /** Go's unicode.IsSpace. */
  static boolean isUnicodeSpace(char c) {
    return c == '\n' || isSpace(c) || Character.isSpaceChar(c);
  }
}
