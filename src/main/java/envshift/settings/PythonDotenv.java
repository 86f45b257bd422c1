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
  private static final Pattern DOUBLE_ESCAPES = Pattern.compile("\\\\[\\\\'\"abfnrtv]");
  private static final Pattern SINGLE_ESCAPES = Pattern.compile("\\\\[\\\\']");

  private final String text;
  private final String file;
  private final boolean lenient;
  private final DotenvEvents events;
  private final Map<String, String> defined = new HashMap<>();
  private final List<DotenvEntry> entries = new ArrayList<>();
  private int pos;
  private int lineCursor;
  private int lineAtCursor = 1;

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
    Line read;
    try {
      read = binding();
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
    if (read == null) {
      return false;
    }
    // outside the try: a value past envshift's bound is an error even where a bad line is not
    if (read.key() != null && read.value() != null) {
      String expanded = expand(read.key(), read.value(), read.start());
      defined.put(read.key(), expanded);
      entries.add(new DotenvEntry(read.key(), expanded, lineOf(read.start())));
    } else if (read.key() != null) {
      defined.put(read.key(), "");
      events.inherited(read.key(), lineOf(read.start()));
    }
    return true;
  }

  /** One line as read: key and value may each be missing (a comment, {@code KEY} alone). */
  private record Line(String key, String value, int start) {}

  private Line binding() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    if (pos >= text.length()) {
      return null;
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
    return new Line(key, value, start);
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
    return withoutInlineComment(part).stripTrailing();
  }

  /**
   * What python-dotenv's {@code re.sub(r"\s+#.*", "", value)} leaves: the text before the run of
   * whitespace in front of the first '#' that has whitespace before it. Scanned by hand, because
   * the regular expression retries every start inside a long run of blanks (quadratic).
   */
  private static String withoutInlineComment(String value) {
    for (int i = value.indexOf('#'); i > 0; i = value.indexOf('#', i + 1)) {
      if (isUnicodeSpace(value.charAt(i - 1))) {
        int start = i - 1;
        while (start > 0 && isUnicodeSpace(value.charAt(start - 1))) {
          start--;
        }
        return value.substring(0, start);
      }
    }
    return value;
  }

  /** {@code \s} under Pattern.UNICODE_CHARACTER_CLASS: Unicode's White_Space property. */
  private static boolean isUnicodeSpace(char c) {
    return Character.isSpaceChar(c) || c >= '\t' && c <= '\r' || c == '\u0085';
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

  /**
   * python-dotenv's {@code \$\{(?P<name>[^\}:]*)(?::-(?P<default>[^\}]*))?\}} substitution, scanned
   * by hand so that a value full of unclosed "${" stays linear; what it builds is bounded like
   * every value envshift computes ({@link ValueSize}).
   */
  private String expand(String key, String value, int start) {
    if (value.indexOf("${") < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    long limit = Math.max(value.length(), ValueSize.LIMIT);
    int closeAt = -1; // the next '}' at or after the scan, cached: both only move forward
    int colonAt = -1;
    int i = 0;
    while (i < value.length()) {
      int ref = value.indexOf("${", i);
      if (ref < 0) {
        break;
      }
      out.append(value, i, ref);
      int nameStart = ref + 2;
      if (closeAt < nameStart && closeAt != Integer.MAX_VALUE) {
        closeAt = indexOrMax(value, '}', nameStart);
      }
      if (colonAt < nameStart && colonAt != Integer.MAX_VALUE) {
        colonAt = indexOrMax(value, ':', nameStart);
      }
      int end = -1;
      String name = null;
      String fallback = "";
      if (closeAt < colonAt) {
        name = value.substring(nameStart, closeAt);
        end = closeAt + 1;
      } else if (colonAt != Integer.MAX_VALUE && value.startsWith(":-", colonAt)
          && closeAt != Integer.MAX_VALUE) {
        name = value.substring(nameStart, colonAt);
        fallback = value.substring(colonAt + 2, closeAt);
        end = closeAt + 1;
      }
      if (name == null) {
        out.append('$');
        i = ref + 1;
      } else {
        out.append(defined.getOrDefault(name, fallback));
        i = end;
      }
      if (out.length() > limit) {
        throw ValueSize.builtByReferences(file, lineOf(start), key);
      }
    }
    out.append(value, i, value.length());
    return out.toString();
  }

  private static int indexOrMax(String s, char c, int from) {
    int at = s.indexOf(c, from);
    return at < 0 ? Integer.MAX_VALUE : at;
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

  /**
   * The line an offset is on. Offsets are asked for in increasing order, so counting resumes from
   * the last answer: reading stays linear in the file's length.
   */
  private int lineOf(int offset) {
    if (offset < lineCursor) {
      lineCursor = 0;
      lineAtCursor = 1;
    }
    for (int i = lineCursor; i < offset; i++) {
      if (text.charAt(i) == '\n' || text.charAt(i) == '\r' && !text.startsWith("\r\n", i)) {
        lineAtCursor++;
      }
    }
    lineCursor = offset;
    return lineAtCursor;
  }

  private SettingsException malformed(int start) {
    return SettingsException.at(file, lineOf(start), "python-dotenv cannot parse this line");
  }
}
