package envshift.settings;

import java.util.List;

/**
 * One logical line of Python source: the tokens of a statement (or of several separated by ';'),
 * the column of its indentation, and the physical lines it spans.
 */
record PyLine(int line, int indent, List<PyToken> tokens, int lastLine) {
  PyLine {
    tokens = List.copyOf(tokens);
  }

  PyToken first() {
    return tokens.get(0);
  }

  PyToken last() {
    return tokens.get(tokens.size() - 1);
  }
}
