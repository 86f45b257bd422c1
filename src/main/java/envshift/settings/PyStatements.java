package envshift.settings;

import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Starred;
import envshift.settings.PyNode.Unsupported;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns logical lines into module-level statements: compound statements become one {@link
 * PyStmt.Block} covering their indented body and else/except clauses; other lines are split at ';'
 * and classified as assignments, imports, expression statements and so on.
 */
final class PyStatements {
  private static final Set<String> HEADERS =
      Set.of("if", "for", "while", "try", "with", "def", "class", "async");
  private static final Set<String> CLAUSES = Set.of("elif", "else", "except", "finally");
  private static final Set<String> SKIPPED = Set.of("assert", "raise", "return", "yield", "break",
      "continue");

  private final List<PyLine> lines;
  private final String file;
  private final List<PyStmt> out = new ArrayList<>();

  private PyStatements(List<PyLine> lines, String file) {
    this.lines = lines;
    this.file = file;
  }

  static List<PyStmt> parse(List<PyLine> lines, String file) {
    PyStatements p = new PyStatements(lines, file);
    int i = 0;
    while (i < lines.size()) {
      i = p.statement(i);
    }
    return p.out;
  }

  /** Reads the statement starting at line index {@code i}; returns the index after it. */
  private int statement(int i) {
    PyLine l = lines.get(i);
    if (l.indent() > 0) {
      throw SettingsException.at(file, l.line(), "unexpected indent");
    }
    int header = i;
    while (header < lines.size() && lines.get(header).first().isOp("@")) {
      header++;
    }
    if (header < lines.size() && isHeader(lines.get(header))) {
      int end = blockEnd(header);
      out.add(block(i, header, end));
      return end;
    }
    if (header != i) {
      throw SettingsException.at(file, lines.get(i).line(), "decorator without a definition");
    }
    for (List<PyToken> simple : splitAtSemicolons(l.tokens())) {
      PyStmt s = simple(simple);
      if (s != null) {
        out.add(s);
      }
    }
    return i + 1;
  }

  private static boolean isHeader(PyLine l) {
    PyToken first = l.first();
    if (first.kind() == PyToken.Kind.NAME && HEADERS.contains(first.text())) {
      return true;
    }
    // "match" is only a keyword when it opens a block: "match = 1" is an assignment.
    return first.kind() == PyToken.Kind.NAME && first.text().equals("match")
        && l.last().isOp(":") && l.tokens().size() > 2 && !l.tokens().get(1).isOp("=")
        && !l.tokens().get(1).isOp(".") && !l.tokens().get(1).isOp("[");
  }

  /** Where the block ends: after its indented body and the clauses its statement allows. */
  private int blockEnd(int header) {
    Set<String> allowed = switch (lines.get(header).first().text()) {
      case "if" -> Set.of("elif", "else");
      case "for", "while" -> Set.of("else");
      case "try" -> CLAUSES;
      default -> Set.of();
    };
    int j = header;
    while (true) {
      requireBody(j);
      j++;
      while (j < lines.size() && lines.get(j).indent() > 0) {
        j++;
      }
      PyToken next = j < lines.size() ? lines.get(j).first() : null;
      if (next == null || next.kind() != PyToken.Kind.NAME || !CLAUSES.contains(next.text())) {
        return j;
      }
      if (!allowed.contains(next.text())) {
        throw SettingsException.at(file, next.line(), "unexpected '" + next.text() + "'");
      }
    }
  }

  private void requireBody(int j) {
    PyLine l = lines.get(j);
    boolean opensBody = l.last().isOp(":");
    if (opensBody && (j + 1 >= lines.size() || lines.get(j + 1).indent() == 0)) {
      throw SettingsException.at(file, l.lastLine(), "expected an indented block");
    }
  }

  private PyStmt block(int start, int header, int end) {
    Set<String> assigned = new LinkedHashSet<>();
    for (int j = start; j < end; j++) {
      assigned.addAll(assignedNames(lines.get(j).tokens()));
    }
    return new PyStmt.Block(lines.get(header).first().text(), lines.get(start).line(),
        lines.get(end - 1).lastLine(), new ArrayList<>(assigned));
  }

  /**
   * Setting-like names a line inside a skipped block may change, for the warning: {@code X = },
   * {@code X += }, {@code X[...] = } and {@code X.append(}-style calls.
   */
  private static List<String> assignedNames(List<PyToken> tokens) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    for (int k = 0; k + 1 < tokens.size(); k++) {
      PyToken t = tokens.get(k);
      if (depth == 0 && t.isIdentifier() && PyNames.isSetting(t.text())
          && changes(tokens, k + 1)) {
        names.add(t.text());
      }
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
    }
    return names;
  }

  private static boolean changes(List<PyToken> tokens, int k) {
    PyToken next = tokens.get(k);
    if (next.isOp("=") || next.isAugmented()) {
      return true;
    }
    if (next.isOp(".") && k + 2 < tokens.size()) {
      return PyModule.MUTATORS.contains(tokens.get(k + 1).text()) && tokens.get(k + 2).isOp("(");
    }
    if (!next.isOp("[")) {
      return false;
    }
    int depth = 0;
    for (int j = k; j < tokens.size(); j++) {
      depth += tokens.get(j).opens() ? 1 : tokens.get(j).closes() ? -1 : 0;
      if (depth == 0) {
        return j + 1 < tokens.size() && changes(tokens, j + 1);
      }
    }
    return false;
  }

  private List<List<PyToken>> splitAtSemicolons(List<PyToken> tokens) {
    List<List<PyToken>> parts = new ArrayList<>();
    int start = 0;
    for (int k = 0; k <= tokens.size(); k++) {
      if (k == tokens.size() || tokens.get(k).isOp(";")) {
        if (k == start && k < tokens.size()) {
          throw SettingsException.at(file, tokens.get(k).line(), "unexpected ';'");
        }
        if (k > start) {
          parts.add(tokens.subList(start, k));
        }
        start = k + 1;
      }
    }
    return parts;
  }

  private PyStmt simple(List<PyToken> tokens) {
    PyToken first = tokens.get(0);
    int line = first.line();
    if (first.kind() == PyToken.Kind.NAME) {
      switch (first.text()) {
        case "import", "from":
          return PyImports.parse(tokens, file);
        case "pass", "global", "nonlocal":
          return null;
        case "del":
          return new PyStmt.Del(flatten(parse(tokens.subList(1, tokens.size()), line)), line);
        default:
          if (SKIPPED.contains(first.text())) {
            return new PyStmt.Other(first.text(), line);
          }
          if (HEADERS.contains(first.text()) || CLAUSES.contains(first.text())) {
            throw SettingsException.at(file, line, "unexpected '" + first.text() + "'");
          }
      }
    }
    if (tokens.size() > 1 && first.isIdentifier() && tokens.get(1).isOp(":")) {
      return annotated(tokens, line);
    }
    return assignmentOrExpression(tokens, line);
  }

  private PyStmt annotated(List<PyToken> tokens, int line) {
    int eq = topLevel(tokens, 2).stream().findFirst().orElse(-1);
    if (eq < 0) {
      parse(tokens.subList(2, tokens.size()), line);
      return null;
    }
    parse(tokens.subList(2, eq), line);
    PyNode value = parse(tokens.subList(eq + 1, tokens.size()), line);
    return new PyStmt.Assign(List.of(new Name(tokens.get(0).text())), value, line);
  }

  private PyStmt assignmentOrExpression(List<PyToken> tokens, int line) {
    int depth = 0;
    for (int k = 0; k < tokens.size(); k++) {
      PyToken t = tokens.get(k);
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
      if (depth == 0 && t.isAugmented()) {
        PyNode target = target(parse(tokens.subList(0, k), line), line);
        String op = t.text().substring(0, t.text().length() - 1);
        return new PyStmt.AugAssign(target, op, parse(tokens.subList(k + 1, tokens.size()), line),
            line);
      }
    }
    List<Integer> eqs = topLevel(tokens, 0);
    if (eqs.isEmpty()) {
      return new PyStmt.Expr(parse(tokens, line), line);
    }
    List<PyNode> targets = new ArrayList<>();
    int start = 0;
    for (int eq : eqs) {
      targets.add(target(parse(tokens.subList(start, eq), line), line));
      start = eq + 1;
    }
    return new PyStmt.Assign(targets, parse(tokens.subList(start, tokens.size()), line), line);
  }

  /** Positions of top-level '=' from {@code from}, up to a lambda (whose defaults also use '='). */
  private static List<Integer> topLevel(List<PyToken> tokens, int from) {
    List<Integer> positions = new ArrayList<>();
    int depth = 0;
    for (int k = from; k < tokens.size(); k++) {
      PyToken t = tokens.get(k);
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
      if (depth == 0 && t.isKeyword("lambda")) {
        break;
      }
      if (depth == 0 && t.isOp("=")) {
        positions.add(k);
      }
    }
    return positions;
  }

  private PyNode parse(List<PyToken> tokens, int line) {
    return PyParser.parseAll(tokens, file, line);
  }

  private PyNode target(PyNode node, int line) {
    if (node instanceof Name || node instanceof Attr || node instanceof Index
        || node instanceof Unsupported) {
      return node;
    }
    if (node instanceof Starred s) {
      target(s.value(), line);
      return node;
    }
    if (node instanceof Sequence seq) {
      seq.items().forEach(item -> target(item, line));
      return node;
    }
    throw SettingsException.at(file, line, "cannot assign to this expression");
  }

  private static List<PyNode> flatten(PyNode node) {
    return node instanceof Sequence s && s.tuple() ? s.items() : List.of(node);
  }
}
