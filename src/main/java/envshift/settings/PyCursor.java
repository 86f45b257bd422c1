package envshift.settings;

import java.util.List;

/**
 * A position in the tokens of one statement, with the peek/accept/expect steps the parsers share
 * and their error reporting: operators and keywords may be named, other tokens never are.
 */
final class PyCursor {
  private final List<PyToken> tokens;
  private final String file;
  private final int line;
  private int pos;

  /** {@code line} is where an error is reported when there are no tokens at all. */
  PyCursor(List<PyToken> tokens, String file, int line) {
    this.tokens = tokens;
    this.file = file;
    this.line = line;
  }

  String file() {
    return file;
  }

  List<PyToken> tokens() {
    return tokens;
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  /** The token {@code offset} ahead, or null past the end. */
  PyToken peek(int offset) {
    return pos + offset < tokens.size() ? tokens.get(pos + offset) : null;
  }

  PyToken peek() {
    return peek(0);
  }

  PyToken next() {
    if (atEnd()) {
      throw unexpected();
    }
    return tokens.get(pos++);
  }

  boolean peekOp(String op) {
    return !atEnd() && tokens.get(pos).isOp(op);
  }

  boolean peekKeyword(String keyword) {
    return !atEnd() && tokens.get(pos).isKeyword(keyword);
  }

  boolean accept(String op) {
    if (peekOp(op)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String keyword) {
    if (peekKeyword(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(String op) {
    if (!accept(op)) {
      throw unexpected();
    }
  }

  void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) {
      throw unexpected();
    }
  }

  void expectEnd() {
    if (!atEnd()) {
      throw unexpected();
    }
  }

  /** Skips to just after the bracket that closes the one already open. */
  void skipToClose() {
    int depth = 0;
    while (true) {
      PyToken t = next();
      if (t.opens()) {
        depth++;
      } else if (t.closes()) {
        if (depth == 0) {
          return;
        }
        depth--;
      }
    }
  }

  SettingsException unexpected() {
    if (atEnd()) {
      int at = tokens.isEmpty() ? line : tokens.get(tokens.size() - 1).line();
      return SettingsException.at(file, at, "unexpected end of statement");
    }
    return unexpectedAt(tokens.get(pos));
  }

  SettingsException unexpectedAt(PyToken t) {
    String what = t.kind() == PyToken.Kind.OP || t.isKeyword() ? "unexpected " + t.describe()
        : "invalid syntax";
    return SettingsException.at(file, t.line(), what);
  }

  SettingsException error(String what) {
    PyToken at = atEnd() ? (tokens.isEmpty() ? null : tokens.get(tokens.size() - 1)) : peek();
    return SettingsException.at(file, at == null ? line : at.line(), what);
  }
}
