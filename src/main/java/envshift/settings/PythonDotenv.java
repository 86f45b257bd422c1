package envshift.settings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dotenv file the way python-dotenv 1.x does with {@code interpolate=True}: its parser's
 * regular expressions step by step (including how a quoted value's pattern backtracks), escape
 * decoding per quote style, then {@code ${VAR}} / {@code ${VAR:-default}} expansion of every value,
 * single-quoted ones too, against earlier keys only. python-dotenv skips a line it cannot parse;
 * this reader refuses it instead. A key with no '=' (None in python-dotenv) is left out.
 */
final class PythonDotenv {
  private static final Pattern KEY = Pattern.compile("[^=#\\s]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern QUOTED_KEY = Pattern.compile("'([^']+)'");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}:]*)(?::-([^}]*))?}");
  private static final Pattern INLINE_COMMENT =
      Pattern.compile("\\s+#.*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern DOUBLE_ESCAPES = Pattern.compile("\\\\[\\\\'\"abfnrtv]");
  private static final Pattern SINGLE_ESCAPES = Pattern.compile("\\\\[\\\\']");

  private final String text;
  private final String file;
  private final boolean lenient;
  private final DotenvEvents events;
  private final Map<String, String> defined = new HashMap<>();
  private final List<DotenvEntry> entries = new ArrayList<>();
  private int pos;

  private PythonDotenv(String text, String file, boolean lenient, DotenvEvents events) {
    this.text = text;
    this.file = file;
    this.lenient = lenient;
    this.events = events;
  }

  /** Strict: a line python-dotenv would skip is an error. */
  static List<DotenvEntry> parse(String text, String file) {
    return parse(text, file, false, DotenvEvents.NONE);
  }

  /**
   * {@code lenient} skips a line python-dotenv cannot parse, from where it failed to the end of
   * the line, as python-dotenv does (with an event instead of its stderr message).
   */
  static List<DotenvEntry> parse(String text, String file, boolean lenient, DotenvEvents events) {
    PythonDotenv p = new PythonDotenv(text, file, lenient, events);
    while (p.next()) {
      // one binding at a time
    }
    return p.entries;
  }

  private boolean next() {
    int start = pos;
    try {
      return binding();
    } catch (SettingsException e) {
      if (!lenient) {
        throw e;
      }
      while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
        pos++;
      }
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      events.notAssignment(lineOf(start));
      return true;
    }
  }

  private boolean binding() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos >= text.length()) {
      return false;
    }
    int start = pos;
    if (text.startsWith("export", pos) && pos + 6 < text.length()
        && isBlank(text.charAt(pos + 6))) {
      pos += 6;
      skipBlanks();
    }
    String key = key(start);
    skipBlanks();
    String value = null;
    if (pos < text.length() && text.charAt(pos) == '=') {
      pos++;
      int afterEquals = pos;
      skipBlanks();
      if (pos > afterEquals && pos < text.length() && text.charAt(pos) == '#') {
        events.commentOnlyValue(key, lineOf(start));
      }
      value = value(start);
    }
    comment();
    endOfLine(start);
    if (key != null && value != null) {
      String expanded = expand(value);
      defined.put(key, expanded);
      entries.add(new DotenvEntry(key, expanded, lineOf(start)));
    } else if (key != null) {
      defined.put(key, "");
      events.inherited(key, lineOf(start));
    }
    return true;
  }

  private String key(int start) {
    if (pos < text.length() && text.charAt(pos) == '#') {
      return null;
    }
    Matcher m = (pos < text.length() && text.charAt(pos) == '\'' ? QUOTED_KEY : KEY).matcher(text);
    if (!m.region(pos, text.length()).lookingAt()) {
      throw malformed(start);
    }
    pos = m.end();
    return m.groupCount() == 1 ? m.group(1) : m.group();
  }

  private String value(int start) {
    char c = pos < text.length() ? text.charAt(pos) : '\n';
    if (c == '\'' || c == '"') {
      String raw = quoted(c, start);
      return decode(c == '"' ? DOUBLE_ESCAPES : SINGLE_ESCAPES, raw);
    }
    if (c == '\n' || c == '\r') {
      return "";
    }
    int end = pos;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    String part = text.substring(pos, end);
    pos = end;
    return INLINE_COMMENT.matcher(part).replaceFirst("").stripTrailing();
  }

  /**
   * The body of {@code q((?:\\q|[^q])*)q} at the cursor, as Python's backtracking matcher finds it:
   * greedily up to the first unescaped quote, or, when there is none before the end of the file, up
   * to the quote of the last {@code \q} pair.
   */
  private String quoted(char q, int start) {
    int lastPair = -1;
    int i = pos + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == q) {
        lastPair = i;
        i += 2;
      } else if (c == q) {
        break;
      } else {
        i++;
      }
    }
    if (i >= text.length()) {
      if (lastPair < 0) {
        throw malformed(start);
      }
      i = lastPair + 1;
    }
    String body = text.substring(pos + 1, i);
    pos = i + 1;
    return body;
  }

  private static String decode(Pattern escapes, String raw) {
    return escapes.matcher(raw).replaceAll(m -> Matcher.quoteReplacement(unescape(m.group())));
  }

  private static String unescape(String escape) {
    return switch (escape.charAt(1)) {
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'v' -> "\u000b";
      default -> escape.substring(1);
    };
  }

  private String expand(String value) {
    return VARIABLE.matcher(value).replaceAll(m -> {
      String fallback = m.group(2) == null ? "" : m.group(2);
      return Matcher.quoteReplacement(defined.getOrDefault(m.group(1), fallback));
    });
  }

  private void comment() {
    int i = pos;
    while (i < text.length() && isBlank(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '#') {
      while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      pos = i;
    }
  }

  private void endOfLine(int start) {
    skipBlanks();
    if (text.startsWith("\r\n", pos)) {
      pos += 2;
    } else if (pos < text.length() && (text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
      pos++;
    } else if (pos < text.length()) {
      throw malformed(start);
    }
  }

  private void skipBlanks() {
    while (pos < text.length() && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  /** {@code [^\S\r\n]}: whitespace other than a line break. */
  private static boolean isBlank(char c) {
    return c != '\n' && c != '\r' && Character.isWhitespace(c);
  }

  private int lineOf(int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r' && !text.startsWith("\r\n", i)) {
        line++;
      }
    }
    return line;
  }

  private SettingsException malformed(int start) {
    return SettingsException.at(file, lineOf(start), "python-dotenv cannot parse this line");
  }
}
