package envshift.settings;

import java.util.List;
import java.util.Set;

/**
 * One Python token. For strings {@code text} is the raw body between the quotes and {@code prefix}
 * the lower-cased prefix letters ({@code r}, {@code b}, {@code f}, {@code u} combinations);
 * decoding happens in the parser, so that f-strings can be split into literal text and fields
 * first.
 */
record PyToken(Kind kind, String text, int line, String prefix) {
  enum Kind {
    NAME,
    NUMBER,
    STRING,
    OP
  }

  static final Set<String> KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
          "try", "while", "with", "yield");

  static final List<String> AUGMENTED =
      List.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=", "&=", "|=", "^=", ">>=", "<<=");

  static PyToken op(String text, int line) {
    return new PyToken(Kind.OP, text, line, "");
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }

  boolean isKeyword(String keyword) {
    return kind == Kind.NAME && text.equals(keyword);
  }

  boolean isKeyword() {
    return kind == Kind.NAME && KEYWORDS.contains(text);
  }

  /** A plain identifier (not a keyword). */
  boolean isIdentifier() {
    return kind == Kind.NAME && !KEYWORDS.contains(text);
  }

  boolean isAugmented() {
    return kind == Kind.OP && AUGMENTED.contains(text);
  }

  boolean opens() {
    return kind == Kind.OP && (text.equals("(") || text.equals("[") || text.equals("{"));
  }

  boolean closes() {
    return kind == Kind.OP && (text.equals(")") || text.equals("]") || text.equals("}"));
  }

  /** How the token may be named in an error message: operators and keywords only, never content. */
  String describe() {
    return switch (kind) {
      case OP -> "'" + text + "'";
      case NAME -> isKeyword() ? "'" + text + "'" : "name";
      case NUMBER -> "number";
      case STRING -> "string";
    };
  }

  @Override
  public String toString() {
    return kind == Kind.OP || isKeyword() ? kind + "(" + text + ")@" + line : kind + "@" + line;
  }
}
