package envshift.settings;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Python source (newlines already normalised to LF) into logical lines of tokens, following
 * the language's rules for comments, backslash continuations, implicit continuation inside brackets
 * and string literals of every quote form. It only recognises text; nothing is evaluated here.
 */
final class PyLexer {
  private static final List<String> OPS3 = List.of("**=", "//=", ">>=", "<<=", "...");
  private static final List<String> OPS2 =
      List.of(
          "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
          "&=", "|=", "^=", "@=");
  private static final String OPS1 = "+-*/%@&|^~<>()[]{},:.;=";
  private static final Set<String> STRING_PREFIXES =
      Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
  /**
   * A number's shape; where underscores may go is checked after matching ({@link
   * PyLiterals#misplacedUnderscore}): {@code (?:_?[0-9])*} would make Java's matcher recurse once
   * per digit, and a long literal would overflow the stack.
   */
  private static final Pattern NUMBER =
      Pattern.compile(
          "0[xX][0-9a-fA-F_]*+|0[oO][0-7_]*+|0[bB][01_]*+"
              + "|(?:[0-9][0-9_]*+(?:\\.(?:[0-9][0-9_]*+)?)?|\\.[0-9][0-9_]*+)"
              + "(?:[eE][+-]?[0-9][0-9_]*+)?[jJ]?");
  /** Python's own parser stops at 200; settings never come near 100, and that bounds recursion. */
  private static final int MAX_NESTING = 100;
  private static final Pattern LEADING_ZERO = Pattern.compile("0[0-9_]*[1-9][0-9_]*");

  private final String src;
  private final String file;
  private final Deque<PyToken> brackets = new ArrayDeque<>();
  private int pos;
  private int line;
  private int lastLine;
  /** 0 for a module; 1 inside an f-string field, whose braces are a bracket already open. */
  private int baseDepth;

  private PyLexer(String src, String file, int line) {
    this.src = src;
    this.file = file;
    this.line = line;
  }

  /** The logical lines of a whole module. */
  static List<PyLine> lines(String src, String file) {
    return new PyLexer(src, file, 1).all();
  }

  /** The tokens of one f-string field, where newlines are plain whitespace. */
  static List<PyToken> expression(String src, String file, int line) {
    PyLexer lexer = new PyLexer(src, file, line);
    lexer.brackets.push(PyToken.op("{", line));
    lexer.baseDepth = 1;
    return lexer.logicalLine();
  }

  private List<PyLine> all() {
    List<PyLine> out = new ArrayList<>();
    while (pos < src.length()) {
      int indent = indentation();
      if (pos >= src.length()) {
        break;
      }
      char c = src.charAt(pos);
      if (c == '\n' || c == '#') {
        skipComment();
        if (pos < src.length()) {
          pos++;
          line++;
        }
        continue;
      }
      int start = line;
      List<PyToken> tokens = logicalLine();
      if (!tokens.isEmpty()) {
        out.add(new PyLine(start, indent, tokens, lastLine));
      }
    }
    return out;
  }

  private int indentation() {
    int col = 0;
    for (; pos < src.length(); pos++) {
      char c = src.charAt(pos);
      if (c == ' ') {
        col++;
      } else if (c == '\t') {
        col = (col / 8 + 1) * 8;
      } else if (c == '\f') {
        col = 0;
      } else {
        break;
      }
    }
    return col;
  }

  private List<PyToken> logicalLine() {
    List<PyToken> tokens = new ArrayList<>();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        lastLine = line;
        pos++;
        line++;
        if (brackets.isEmpty()) {
          return tokens;
        }
      } else if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        skipComment();
      } else if (c == '\\') {
        continuation();
      } else {
        tokens.add(token());
      }
    }
    lastLine = line;
    if (brackets.size() > baseDepth) {
      PyToken open = brackets.peek();
      throw SettingsException.at(file, open.line(), "'" + open.text() + "' was never closed");
    }
    return tokens;
  }

  private void skipComment() {
    while (pos < src.length() && src.charAt(pos) != '\n') {
      pos++;
    }
  }

  private void continuation() {
    if (pos + 1 >= src.length()) {
      throw SettingsException.at(file, line, "unexpected end of file after line continuation");
    }
    if (src.charAt(pos + 1) != '\n') {
      throw SettingsException.at(file, line, "unexpected character after line continuation");
    }
    pos += 2;
    line++;
  }

  private PyToken token() {
    char c = src.charAt(pos);
    int cp = src.codePointAt(pos);
    if (isIdentifierStart(cp)) {
      return nameOrString();
    }
    if (c == '"' || c == '\'') {
      return string("");
    }
    if (Character.isDigit(c) && c < 128
        || c == '.' && pos + 1 < src.length() && isAsciiDigit(src.charAt(pos + 1))) {
      return number();
    }
    return operator();
  }

  private PyToken nameOrString() {
    int start = pos;
    pos += Character.charCount(src.codePointAt(pos));
    while (pos < src.length() && isIdentifierPart(src.codePointAt(pos))) {
      pos += Character.charCount(src.codePointAt(pos));
    }
    String word = src.substring(start, pos);
    if (pos < src.length()
        && (src.charAt(pos) == '"' || src.charAt(pos) == '\'')
        && STRING_PREFIXES.contains(word.toLowerCase(java.util.Locale.ROOT))) {
      return string(word.toLowerCase(java.util.Locale.ROOT));
    }
    return new PyToken(PyToken.Kind.NAME, identifier(word), line, "");
  }

  /**
   * Python NFKC-normalises identifiers, so {@code ＳＥＣＲＥＴ} and {@code SECRET} are one name.
   * Keywords are recognised before that: a word that only normalises to a keyword stays a name,
   * kept as written so that it never reads as the keyword.
   */
  private static String identifier(String word) {
    if (word.chars().allMatch(c -> c < 128)) {
      return word;
    }
    String normal = Normalizer.normalize(word, Normalizer.Form.NFKC);
    return PyToken.KEYWORDS.contains(normal) ? word : normal;
  }

  private PyToken string(String prefix) {
    int startLine = line;
    char q = src.charAt(pos);
    String triple = String.valueOf(q).repeat(3);
    boolean isTriple = src.startsWith(triple, pos);
    int bodyStart = pos + (isTriple ? 3 : 1);
    int i = bodyStart;
    while (true) {
      if (i >= src.length()) {
        String what = isTriple ? "unterminated triple-quoted string" : "unterminated string";
        throw SettingsException.at(file, startLine, what);
      }
      char c = src.charAt(i);
      if (c == '\\') {
        if (i + 1 < src.length() && src.charAt(i + 1) == '\n') {
          line++;
        }
        i += 2;
        continue;
      }
      if (c == '\n') {
        if (!isTriple) {
          throw SettingsException.at(file, startLine, "unterminated string");
        }
        line++;
      } else if (c == q && (!isTriple || src.startsWith(triple, i))) {
        break;
      }
      i++;
    }
    pos = i + (isTriple ? 3 : 1);
    return new PyToken(PyToken.Kind.STRING, src.substring(bodyStart, i), startLine, prefix);
  }

  private PyToken number() {
    Matcher m = NUMBER.matcher(src).region(pos, src.length());
    if (!m.lookingAt()) {
      throw SettingsException.at(file, line, "invalid number literal");
    }
    String text = m.group();
    if (m.end() < src.length() && isIdentifierPart(src.codePointAt(m.end()))) {
      throw SettingsException.at(file, line, "invalid number literal");
    }
    if (PyLiterals.misplacedUnderscore(text)) {
      throw SettingsException.at(file, line, "invalid number literal");
    }
    if (LEADING_ZERO.matcher(text).matches()) {
      throw SettingsException.at(
          file, line, "leading zeros in a decimal integer literal (a Python 2 octal?)");
    }
    pos = m.end();
    return new PyToken(PyToken.Kind.NUMBER, text, line, "");
  }

  private PyToken operator() {
    for (List<String> ops : List.of(OPS3, OPS2)) {
      for (String op : ops) {
        if (src.startsWith(op, pos)) {
          pos += op.length();
          return PyToken.op(op, line);
        }
      }
    }
    char c = src.charAt(pos);
    if (OPS1.indexOf(c) < 0) {
      throw SettingsException.at(file, line, "invalid character");
    }
    pos++;
    PyToken token = PyToken.op(String.valueOf(c), line);
    if (token.opens()) {
      if (brackets.size() >= MAX_NESTING) {
        throw SettingsException.at(file, line, "too many nested brackets");
      }
      brackets.push(token);
    } else if (token.closes()) {
      close(token);
    }
    return token;
  }

  private void close(PyToken token) {
    String expected =
        brackets.isEmpty() ? "" : switch (brackets.peek().text()) {
          case "(" -> ")";
          case "[" -> "]";
          default -> "}";
        };
    if (!token.text().equals(expected)) {
      throw SettingsException.at(file, token.line(), "unexpected " + token.describe());
    }
    brackets.pop();
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(int cp) {
    return cp == '_' || Character.isUnicodeIdentifierStart(cp);
  }

  private static boolean isIdentifierPart(int cp) {
    return Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
  }
}
