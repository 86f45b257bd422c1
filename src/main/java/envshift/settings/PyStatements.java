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
import java.util.Optional;
import java.util.Set;

/**
 * Turns logical lines into statements, following indentation as Python does: every compound
 * statement's clauses and bodies are parsed (so a syntax error anywhere, even in code never run, is
 * reported), if and try become {@link PyStmt.If} and {@link PyStmt.Try}, the others a {@link
 * PyStmt.Block}; simple lines are split at ';' and classified as assignments, imports, expression
 * statements and so on.
 */
final class PyStatements {
  private static final Set<String> HEADERS =
      Set.of("if", "for", "while", "try", "with", "def", "class", "async");
  private static final Set<String> CLAUSES = Set.of("elif", "else", "except", "finally");
  private static final Set<String> SKIPPED = Set.of("assert", "raise", "return", "yield", "break",
      "continue");

  private static final int MAX_INDENT_LEVELS = 100;
  private final List<PyLine> lines;
  private final String file;
  private int pos;
  /** How many blocks enclose the suite being read. */
  private int levels;

  private PyStatements(List<PyLine> lines, String file) {
    this.lines = lines;
    this.file = file;
  }

  static List<PyStmt> parse(List<PyLine> lines, String file) {
    PyStatements p = new PyStatements(lines, file);
    if (!lines.isEmpty() && lines.get(0).indent() > 0) {
      throw SettingsException.at(file, lines.get(0).line(), "unexpected indent");
    }
    return p.suite(0);
  }

  /** The statements at {@code indent}, up to the first line indented less. */
  private List<PyStmt> suite(int indent) {
    List<PyStmt> out = new ArrayList<>();
    while (pos < lines.size()) {
      PyLine l = lines.get(pos);
      if (l.indent() < indent) {
        break;
      }
      if (l.indent() > indent) {
        throw SettingsException.at(file, l.line(), "unexpected indent");
      }
      statement(out, indent);
    }
    return out;
  }

  private void statement(List<PyStmt> out, int indent) {
    int start = pos;
    while (pos < lines.size() && lines.get(pos).first().isOp("@")) {
      PyLine decorator = lines.get(pos);
      if (decorator.indent() != indent) {
        throw SettingsException.at(file, decorator.line(), "unexpected indent");
      }
      parse(decorator.tokens().subList(1, decorator.tokens().size()), decorator.line());
      pos++;
    }
    if (pos < lines.size() && lines.get(pos).indent() == indent && isHeader(lines.get(pos))) {
      boolean decorated = pos != start;
      PyStmt compound = compound(indent);
      if (decorated && compound instanceof PyStmt.Block b && b.function().isPresent()) {
        // a decorator rebinds the name to whatever it returns: not a function envshift calls
        compound = new PyStmt.Block(b.keyword(), b.line(), b.lastLine(), b.assigned());
      }
      out.add(compound);
      return;
    }
    if (pos != start) {
      throw SettingsException.at(file, lines.get(start).line(), "decorator without a definition");
    }
    for (List<PyToken> simple : splitAtSemicolons(lines.get(pos).tokens())) {
      PyStmt s = simple(simple);
      if (s != null) {
        out.add(s);
      }
    }
    pos++;
  }

  private static boolean isHeader(PyLine l) {
    PyToken first = l.first();
    if (first.kind() == PyToken.Kind.NAME && HEADERS.contains(first.text())) {
      return true;
    }
    return isMatch(l);
  }

  /** "match" is only a keyword when it opens a block: "match = 1" is an assignment. */
  private static boolean isMatch(PyLine l) {
    return l.first().isKeyword("match") && l.last().isOp(":") && l.tokens().size() > 2
        && !l.tokens().get(1).isOp("=") && !l.tokens().get(1).isOp(".")
        && !l.tokens().get(1).isOp("[");
  }

  /** One clause of a compound statement: its header tokens (before ':') and its body. */
  private record Clause(String keyword, List<PyToken> head, List<PyStmt> body, int line,
      int lastLine) {}

  private PyStmt compound(int indent) {
    PyLine header = lines.get(pos);
    String keyword = header.first().text();
    if (isMatch(header)) {
      return match(indent);
    }
    List<Clause> clauses = new ArrayList<>(List.of(clause(indent)));
    Set<String> allowed = switch (keyword) {
      case "if" -> Set.of("elif", "else");
      case "for", "while" -> Set.of("else");
      case "try" -> Set.of("except", "else", "finally");
      default -> Set.of();
    };
    while (pos < lines.size() && lines.get(pos).indent() == indent
        && lines.get(pos).first().kind() == PyToken.Kind.NAME
        && CLAUSES.contains(lines.get(pos).first().text())) {
      PyToken next = lines.get(pos).first();
      if (!allowed.contains(next.text()) || !inOrder(keyword, clauses, next.text())) {
        throw SettingsException.at(file, next.line(), "unexpected '" + next.text() + "'");
      }
      clauses.add(clause(indent));
    }
    if (keyword.equals("try") && clauses.size() == 1) {
      throw SettingsException.at(file, clauses.get(0).lastLine(),
          "expected 'except' or 'finally' block");
    }
    int first = header.line();
    int last = pos > 0 ? lines.get(pos - 1).lastLine() : first;
    return switch (keyword) {
      case "if" -> ifStatement(clauses, first, last);
      case "try" -> tryStatement(clauses, first, last);
      default -> block(keyword, clauses, first, last);
    };
  }

  /** Python's order of clauses: no elif after else, except before else before finally. */
  private static boolean inOrder(String keyword, List<Clause> clauses, String next) {
    String previous = clauses.get(clauses.size() - 1).keyword();
    if (previous.equals("else") || previous.equals("finally")) {
      return keyword.equals("try") && previous.equals("else") && next.equals("finally");
    }
    if (keyword.equals("try") && next.equals("else")) {
      return previous.equals("except");
    }
    return !(keyword.equals("try") && next.equals("except") && previous.equals("finally"));
  }

  private Clause clause(int indent) {
    PyLine l = lines.get(pos);
    List<PyToken> tokens = l.tokens();
    int colon = headerColon(tokens);
    if (colon < 0) {
      throw SettingsException.at(file, l.lastLine(), "expected ':'");
    }
    List<PyToken> head = tokens.subList(0, colon);
    List<PyToken> rest = tokens.subList(colon + 1, tokens.size());
    pos++;
    List<PyStmt> body = new ArrayList<>();
    if (!rest.isEmpty()) {
      for (List<PyToken> simple : splitAtSemicolons(rest)) {
        PyStmt s = simple(simple);
        if (s != null) {
          body.add(s);
        }
      }
      if (pos < lines.size() && lines.get(pos).indent() > indent) {
        throw SettingsException.at(file, lines.get(pos).line(), "unexpected indent");
      }
    } else {
      if (pos >= lines.size() || lines.get(pos).indent() <= indent) {
        throw SettingsException.at(file, l.lastLine(), "expected an indented block");
      }
      if (++levels >= MAX_INDENT_LEVELS) {
        // CPython's tokenizer stops at 100 levels; this also bounds the recursion
        throw SettingsException.at(file, lines.get(pos).line(), "too many levels of indentation");
      }
      try {
        body = suite(lines.get(pos).indent());
      } finally {
        levels--;
      }
      if (pos < lines.size() && lines.get(pos).indent() > indent) {
        throw SettingsException.at(file, lines.get(pos).line(),
            "unindent does not match any outer indentation level");
      }
    }
    return new Clause(tokens.get(0).text(), head, body, l.line(), lines.get(pos - 1).lastLine());
  }

  /** The ':' that ends a clause header: the first one outside brackets, not a lambda's. */
  private static int headerColon(List<PyToken> tokens) {
    int depth = 0;
    int lambdas = 0;
    for (int k = 0; k < tokens.size(); k++) {
      PyToken t = tokens.get(k);
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
      if (depth == 0 && t.isKeyword("lambda")) {
        lambdas++;
      } else if (depth == 0 && t.isOp(":")) {
        if (lambdas == 0) {
          return k;
        }
        lambdas--;
      }
    }
    return -1;
  }

  private PyStmt ifStatement(List<Clause> clauses, int first, int last) {
    List<PyStmt.Branch> branches = new ArrayList<>();
    List<PyStmt> all = new ArrayList<>();
    for (Clause c : clauses) {
      Optional<PyNode> test = c.keyword().equals("else") ? Optional.empty()
          : Optional.of(expression(c, 1));
      if (test.isEmpty()) {
        bare(c);
      }
      branches.add(new PyStmt.Branch(test, c.body(), c.line()));
      all.addAll(c.body());
    }
    return new PyStmt.If(branches, first, last, PyStmt.assigned(all));
  }

  private PyStmt tryStatement(List<Clause> clauses, int first, int last) {
    List<List<PyStmt>> handlers = new ArrayList<>();
    List<PyStmt> orElse = List.of();
    List<PyStmt> finalBody = List.of();
    Set<String> assigned = new LinkedHashSet<>();
    for (Clause c : clauses) {
      switch (c.keyword()) {
        case "except" -> {
          handlers.add(c.body());
          assigned.addAll(exceptTarget(c));
        }
        case "else" -> {
          bare(c);
          orElse = c.body();
        }
        case "finally" -> {
          bare(c);
          finalBody = c.body();
        }
        default -> bare(c);
      }
      assigned.addAll(PyStmt.assigned(c.body()));
    }
    return new PyStmt.Try(clauses.get(0).body(), handlers, orElse, finalBody, first, last,
        new ArrayList<>(assigned));
  }

  /** {@code except}, {@code except E}, {@code except E as name}, {@code except* E}. */
  private List<String> exceptTarget(Clause c) {
    List<PyToken> head = c.head();
    int from = head.size() > 1 && head.get(1).isOp("*") ? 2 : 1;
    if (from == head.size()) {
      if (from == 2) {
        throw SettingsException.at(file, c.line(), "expected an exception type after 'except*'");
      }
      return List.of();
    }
    int as = -1;
    for (int k = from; k < head.size(); k++) {
      if (head.get(k).isKeyword("as")) {
        as = k;
      }
    }
    if (as < 0) {
      parse(head.subList(from, head.size()), c.line());
      return List.of();
    }
    parse(head.subList(from, as), c.line());
    if (as + 2 != head.size() || !head.get(as + 1).isIdentifier()) {
      throw SettingsException.at(file, c.line(), "invalid syntax");
    }
    return List.of(head.get(as + 1).text());
  }

  /** else, try and finally take nothing before their ':'. */
  private void bare(Clause c) {
    if (c.head().size() != 1) {
      throw SettingsException.at(file, c.line(), "expected ':'");
    }
  }

  private PyNode expression(Clause c, int from) {
    return parse(c.head().subList(from, c.head().size()), c.line());
  }

  /** for/while/with/def/class/async: checked for syntax, never run. */
  private PyStmt block(String keyword, List<Clause> clauses, int first, int last) {
    Clause head = clauses.get(0);
    List<PyToken> tokens = head.head();
    int at = 0;
    String kind = keyword;
    if (keyword.equals("async")) {
      at = 1;
      kind = tokens.size() > 1 ? tokens.get(1).text() : "";
      if (!Set.of("def", "for", "with").contains(kind)) {
        throw SettingsException.at(file, head.line(), "invalid syntax");
      }
    }
    Set<String> assigned = new LinkedHashSet<>();
    switch (kind) {
      case "def", "class" -> {
        if (tokens.size() <= at + 1 || !tokens.get(at + 1).isIdentifier()) {
          throw SettingsException.at(file, head.line(), "invalid syntax");
        }
        if (kind.equals("class")) {
          parse(tokens.subList(at + 1, tokens.size()), head.line());
        }
        // The body runs later, if ever, and binds local names: only the defined name changes.
        String name = tokens.get(at + 1).text();
        return new PyStmt.Block(keyword, first, last, List.of(name),
            keyword.equals("def") ? function(name, head) : Optional.empty());
      }
      case "for" -> assigned.addAll(forTarget(head, at + 1));
      case "while" -> expression(head, at + 1);
      default -> assigned.addAll(withTargets(head, at + 1));
    }
    clauses.forEach(c -> assigned.addAll(PyStmt.assigned(c.body())));
    return new PyStmt.Block(keyword, first, last, new ArrayList<>(assigned));
  }

  /**
   * A def the evaluator can call: {@code def NAME(params):} whose body is one return (after an
   * optional docstring). Decorated definitions never get here as functions (see statement).
   */
  private Optional<PyFunction> function(String name, Clause c) {
    List<PyToken> tokens = c.head();
    if (tokens.size() < 4 || !tokens.get(2).isOp("(")) {
      return Optional.empty();
    }
    int depth = 0;
    int close = -1;
    for (int k = 2; k < tokens.size(); k++) {
      depth += tokens.get(k).opens() ? 1 : tokens.get(k).closes() ? -1 : 0;
      if (depth == 0) {
        close = k;
        break;
      }
    }
    if (close < 0) {
      return Optional.empty();
    }
    List<PyStmt> body = c.body();
    if (body.size() == 2 && body.get(0) instanceof PyStmt.Expr e && e.value() instanceof PyNode.Const k
        && k.value() instanceof SettingValue.Str) {
      body = body.subList(1, 2);
    }
    if (body.size() != 1 || !(body.get(0) instanceof PyStmt.Return r)) {
      return Optional.empty();
    }
    return PyFunction.params(tokens.subList(3, close), file, c.line())
        .map(params -> new PyFunction(name, params, r.value()));
  }

  /** {@code for a, b in items}: the names bound, after checking both sides parse. */
  private List<String> forTarget(Clause c, int from) {
    List<PyToken> head = c.head();
    int depth = 0;
    for (int k = from; k < head.size(); k++) {
      PyToken t = head.get(k);
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
      if (depth == 0 && t.isKeyword("in")) {
        PyNode target = target(parse(head.subList(from, k), c.line()), c.line());
        parse(head.subList(k + 1, head.size()), c.line());
        return PyStmt.names(target);
      }
    }
    throw SettingsException.at(file, c.line(), "invalid syntax");
  }

  /** {@code with a as b, c as (d, e)}: the names after each 'as'. */
  private static List<String> withTargets(Clause c, int from) {
    List<String> names = new ArrayList<>();
    List<PyToken> head = c.head();
    for (int k = from; k + 1 < head.size(); k++) {
      if (head.get(k).isKeyword("as") && head.get(k + 1).isIdentifier()) {
        names.add(head.get(k + 1).text());
      }
    }
    return names;
  }

  /** A match statement: its case patterns are not expressions, so its body is only scanned. */
  private PyStmt match(int indent) {
    PyLine header = lines.get(pos);
    parse(header.tokens().subList(1, header.tokens().size() - 1), header.line());
    pos++;
    if (pos >= lines.size() || lines.get(pos).indent() <= indent) {
      throw SettingsException.at(file, header.lastLine(), "expected an indented block");
    }
    Set<String> assigned = new LinkedHashSet<>();
    while (pos < lines.size() && lines.get(pos).indent() > indent) {
      assigned.addAll(assignedNames(lines.get(pos).tokens()));
      pos++;
    }
    return new PyStmt.Block("match", header.line(), lines.get(pos - 1).lastLine(),
        new ArrayList<>(assigned));
  }

  /**
   * Names a line inside a match statement may change: {@code x = }, {@code x += }, {@code x[...] =}
   * and {@code x.append(}-style calls.
   */
  private static List<String> assignedNames(List<PyToken> tokens) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    for (int k = 0; k + 1 < tokens.size(); k++) {
      PyToken t = tokens.get(k);
      if (depth == 0 && t.isIdentifier() && changes(tokens, k + 1)) {
        names.add(t.text());
      }
      depth += t.opens() ? 1 : t.closes() ? -1 : 0;
    }
    return names;
  }

  private static boolean changes(List<PyToken> tokens, int k) {
    PyToken next = tokens.get(k);
    if (next.isOp("=") || next.isAugmented() || next.isOp(":=")) {
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
          if (first.text().equals("return")) {
            checkRest(first.text(), tokens, line);
            return new PyStmt.Return(tokens.size() == 1 ? new PyNode.Const(SettingValue.None.INSTANCE)
                : parse(tokens.subList(1, tokens.size()), line), line);
          }
          if (SKIPPED.contains(first.text())) {
            checkRest(first.text(), tokens, line);
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

  /** What follows assert, raise, return, yield... must parse too: Python refuses the file else. */
  private void checkRest(String keyword, List<PyToken> tokens, int line) {
    List<PyToken> rest = tokens.subList(1, tokens.size());
    if (keyword.equals("yield") && !rest.isEmpty() && rest.get(0).isKeyword("from")) {
      rest = rest.subList(1, rest.size());
    }
    if (rest.isEmpty()) {
      return;
    }
    if (keyword.equals("break") || keyword.equals("continue")) {
      throw SettingsException.at(file, line, "invalid syntax");
    }
    int from = -1;
    int depth = 0;
    for (int k = 0; k < rest.size(); k++) {
      depth += rest.get(k).opens() ? 1 : rest.get(k).closes() ? -1 : 0;
      if (depth == 0 && keyword.equals("raise") && rest.get(k).isKeyword("from")) {
        from = k;
        break;
      }
    }
    if (from >= 0) {
      parse(rest.subList(0, from), line);
      parse(rest.subList(from + 1, rest.size()), line);
    } else {
      parse(rest, line);
    }
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
    if (node instanceof Starred) {
      // Python refuses the file: "starred assignment target must be in a list or tuple"
      throw SettingsException.at(file, line,
          "a starred assignment target must be in a list or tuple");
    }
    return targetItem(node, line);
  }

  private PyNode targetItem(PyNode node, int line) {
    if (node instanceof Name || node instanceof Attr || node instanceof Index
        || node instanceof Unsupported) {
      return node;
    }
    if (node instanceof Starred s) {
      targetItem(s.value(), line);
      return node;
    }
    if (node instanceof Sequence seq) {
      seq.items().forEach(item -> targetItem(item, line));
      return node;
    }
    throw SettingsException.at(file, line, "cannot assign to this expression");
  }

  private static List<PyNode> flatten(PyNode node) {
    return node instanceof Sequence s && s.tuple() ? s.items() : List.of(node);
  }
}
