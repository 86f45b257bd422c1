package envshift.settings;

import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Const;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Starred;
import envshift.settings.PyNode.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser for Python expressions, following the grammar's precedence levels.
 * Every construct is recognised so that syntax errors are reported, but only the ones the evaluator
 * supports become real nodes; the rest become {@link Unsupported} nodes.
 */
final class PyParser {
  private static final List<Set<String>> BINARY_LEVELS =
      List.of(
          Set.of("|"),
          Set.of("^"),
          Set.of("&"),
          Set.of("<<", ">>"),
          Set.of("+", "-"),
          Set.of("*", "/", "//", "%", "@"));
  private static final Set<String> COMPARISONS = Set.of("<", ">", "==", ">=", "<=", "!=");

  /** Bounds the recursion (and the evaluator's, which follows the tree) on absurd input. */
  private static final int MAX_DEPTH = 600;
  private static final int MAX_CHAIN = 1000;

  private final PyCursor in;
  private final PyDisplays displays;
  private int depth;
  /**
   * The constructs Python refuses inside a comprehension at compile time, or that make it
   * something else (:=, yield, await, async for), met so far, and the reason of the last one.
   */
  private int hazards;
  private String lastHazard = "";

  private PyParser(PyCursor in) {
    this.in = in;
    this.displays = new PyDisplays(this, in);
  }

  /**
   * Parses all the tokens as one expression list (a tuple when there are top-level commas); {@code
   * line} is where an empty list of tokens is reported.
   */
  static PyNode parseAll(List<PyToken> tokens, String file, int line) {
    PyParser parser = new PyParser(new PyCursor(tokens, file, line));
    PyNode node = parser.exprList();
    parser.in.expectEnd();
    return node;
  }

  private PyNode exprList() {
    PyNode first = starOrTest();
    if (!in.peekOp(",")) {
      return first;
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.atEnd()) {
      items.add(starOrTest());
    }
    return new Sequence(items, true);
  }


  PyNode starOrTest() {
    return in.accept("*") ? new Starred(binary(0)) : test();
  }

  PyNode test() {
    enter();
    try {
      return conditional();
    } finally {
      depth--;
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw in.error("expression nested too deeply");
    }
  }

  private PyNode conditional() {
    if (in.peekKeyword("lambda")) {
      return lambda();
    }
    PyNode node = orTest();
    if (in.peekKeyword("if")) {
      in.next();
      PyNode condition = orTest();
      in.expectKeyword("else");
      return new PyNode.IfExp(condition, node, test());
    }
    if (in.accept(":=")) {
      test();
      return hazard("uses an assignment expression (:=)");
    }
    return node;
  }

  private PyNode lambda() {
    int line = in.next().line();
    int from = in.position();
    while (!in.peekOp(":")) {
      PyToken t = in.next();
      if (t.opens()) {
        in.skipToClose();
      }
    }
    List<PyToken> header = in.tokens().subList(from, in.position());
    in.next();
    PyNode body = test();
    return PyFunction.params(header, in.file(), line)
        .<PyNode>map(params -> new PyNode.Lambda(params, body))
        .orElse(new Unsupported("uses a lambda"));
  }

  PyNode orTest() {
    return logical("or", this::andTest);
  }

  private PyNode andTest() {
    return logical("and", this::notTest);
  }

  private PyNode logical(String keyword, java.util.function.Supplier<PyNode> operand) {
    PyNode node = operand.get();
    if (!in.peekKeyword(keyword)) {
      return node;
    }
    List<PyNode> values = new ArrayList<>(List.of(node));
    while (in.acceptKeyword(keyword)) {
      if (values.size() > MAX_CHAIN) {
        throw in.error("expression too long");
      }
      values.add(operand.get());
    }
    return new PyNode.BoolOp(keyword, values);
  }

  private PyNode notTest() {
    if (in.acceptKeyword("not")) {
      enter();
      try {
        return new PyNode.Not(notTest());
      } finally {
        depth--;
      }
    }
    PyNode node = binary(0);
    List<String> ops = new ArrayList<>();
    List<PyNode> operands = new ArrayList<>(List.of(node));
    String op;
    while ((op = comparisonOperator()) != null) {
      if (ops.size() > MAX_CHAIN) {
        throw in.error("expression too long");
      }
      ops.add(op);
      operands.add(binary(0));
    }
    return ops.isEmpty() ? node : new PyNode.Compare(ops, operands);
  }

  /** Consumes a comparison operator and returns it ("not in", "is not"...), or null. */
  private String comparisonOperator() {
    PyToken t = in.peek();
    if (t == null) {
      return null;
    }
    if (t.kind() == PyToken.Kind.OP && COMPARISONS.contains(t.text()) || t.isKeyword("in")) {
      return in.next().text();
    }
    if (t.isKeyword("is")) {
      in.next();
      return in.acceptKeyword("not") ? "is not" : "is";
    }
    if (t.isKeyword("not") && in.peek(1) != null && in.peek(1).isKeyword("in")) {
      in.next();
      in.next();
      return "not in";
    }
    return null;
  }

  PyNode binary(int level) {
    if (level == BINARY_LEVELS.size()) {
      return factor();
    }
    PyNode node = binary(level + 1);
    int chain = 0;
    while (in.peek() != null
        && in.peek().kind() == PyToken.Kind.OP
        && BINARY_LEVELS.get(level).contains(in.peek().text())) {
      if (++chain > MAX_CHAIN) {
        throw in.error("expression too long");
      }
      String op = in.next().text();
      node = new PyNode.BinOp(op, node, binary(level + 1));
    }
    return node;
  }

  private PyNode factor() {
    enter();
    try {
      if (in.peekOp("-") || in.peekOp("+") || in.peekOp("~")) {
        String op = in.next().text();
        return new PyNode.Unary(op, factor());
      }
      PyNode node;
      if (in.acceptKeyword("await")) {
        primary();
        node = hazard("uses await");
      } else {
        node = primary();
      }
      return in.accept("**") ? new PyNode.BinOp("**", node, factor()) : node;
    } finally {
      depth--;
    }
  }

  private PyNode primary() {
    PyNode node = atom();
    for (int trailers = 0; ; trailers++) {
      if (trailers > MAX_CHAIN) {
        throw in.error("expression too long");
      }
      if (in.peekOp("(")) {
        node = displays.call(node);
      } else if (in.peekOp("[")) {
        node = displays.subscript(node);
      } else if (in.accept(".")) {
        PyToken name = in.next();
        if (!name.isIdentifier()) {
          throw in.unexpectedAt(name);
        }
        node = new Attr(node, name.text());
      } else {
        return node;
      }
    }
  }

  private PyNode atom() {
    PyToken t = in.peek();
    if (t == null) {
      throw in.unexpected();
    }
    switch (t.kind()) {
      case STRING:
        return PyLiterals.strings(in);
      case NUMBER:
        in.next();
        return PyLiterals.number(t.text(), in.file(), t.line());
      case NAME:
        return nameAtom(t);
      default:
        return switch (t.text()) {
          case "(" -> displays.parenthesized();
          case "[" -> displays.list();
          case "{" -> displays.braces();
          case "..." -> {
            in.next();
            yield new Unsupported("uses Ellipsis");
          }
          default -> throw in.unexpected();
        };
    }
  }

  private PyNode nameAtom(PyToken t) {
    in.next();
    return switch (t.text()) {
      case "True" -> new Const(new SettingValue.Bool(true));
      case "False" -> new Const(new SettingValue.Bool(false));
      case "None" -> new Const(SettingValue.None.INSTANCE);
      default -> {
        if (t.isKeyword()) {
          throw in.unexpectedAt(t);
        }
        yield new Name(t.text());
      }
    };
  }

  boolean peekComprehension() {
    return in.peekKeyword("for") || in.peekKeyword("async");
  }

  Unsupported hazard(String reason) {
    hazards++;
    lastHazard = reason;
    return new Unsupported(reason);
  }

  /** A count to hand back to {@link #hazardSince}. */
  int hazards() {
    return hazards;
  }

  /** Why a comprehension parsed since {@code before} is never computed, if it is not. */
  Optional<String> hazardSince(int before) {
    return hazards > before ? Optional.of(lastHazard + " in a comprehension") : Optional.empty();
  }

  /** The {@code for ... in ... if ...} clauses after a comprehension's element. */
  List<PyNode.For> comprehensionClauses() {
    List<PyNode.For> clauses = new ArrayList<>();
    while (peekComprehension()) {
      if (clauses.size() > MAX_CHAIN) {
        throw in.error("expression too long");
      }
      if (in.acceptKeyword("async")) {
        hazard("uses async for");
      }
      in.expectKeyword("for");
      PyNode target = forTarget();
      in.expectKeyword("in");
      PyNode iterable = orTest();
      List<PyNode> filters = new ArrayList<>();
      while (in.acceptKeyword("if")) {
        filters.add(orTest());
      }
      clauses.add(new PyNode.For(target, iterable, filters));
    }
    return clauses;
  }

  /** A comprehension's target list: {@code x}, {@code k, v}, {@code (a, [b, *c])}. */
  private PyNode forTarget() {
    PyNode first = forTargetItem();
    if (!in.peekOp(",")) {
      return first;
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.peekKeyword("in")) {
      items.add(forTargetItem());
    }
    return new Sequence(items, true);
  }

  private PyNode forTargetItem() {
    PyNode item = in.accept("*") ? new Starred(binary(0)) : binary(0);
    checkTarget(item);
    return item;
  }

  private void checkTarget(PyNode node) {
    if (node instanceof Starred s) {
      checkTarget(s.value());
    } else if (node instanceof Sequence seq) {
      seq.items().forEach(this::checkTarget);
    } else if (!(node instanceof Name || node instanceof Attr || node instanceof PyNode.Index)) {
      throw in.error("cannot assign to this expression");
    }
  }
}
