package envshift.settings;

import java.util.List;

/**
 * The parsed form of a Python expression. Constructs the evaluator will not compute (lambda, set
 * displays, yield...) are parsed, so that syntax is still checked, and kept as {@link Unsupported}
 * nodes carrying the reason that ends up in the warning.
 */
sealed interface PyNode {
  /** A literal str, int, float, bool or None. */
  record Const(SettingValue value) implements PyNode {}

  /** A bytes literal: never turned into a setting. */
  record Bytes() implements PyNode {}

  record Name(String id) implements PyNode {}

  /** An f-string: {@link Const} text parts and {@link Field}s. */
  record FStr(List<PyNode> parts) implements PyNode {
    public FStr {
      parts = List.copyOf(parts);
    }
  }

  /** One f-string replacement field; conversion is 0, 'r', 's' or 'a'. */
  record Field(PyNode expr, char conversion, FStr spec) implements PyNode {}

  /** A list or tuple display; items may be {@link Starred}. */
  record Sequence(List<PyNode> items, boolean tuple) implements PyNode {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** A dict display: {@link Pair} and {@link DoubleStar} items. */
  record Dict(List<PyNode> items) implements PyNode {
    public Dict {
      items = List.copyOf(items);
    }
  }

  record Pair(PyNode key, PyNode value) implements PyNode {}

  /** {@code **mapping} in a dict display or a call. */
  record DoubleStar(PyNode value) implements PyNode {}

  /** {@code *iterable} in a display, a call or an assignment target. */
  record Starred(PyNode value) implements PyNode {}

  /** A call; {@code keywords} holds {@link Keyword} and {@link DoubleStar} items. */
  record Call(PyNode func, List<PyNode> args, List<PyNode> keywords) implements PyNode {
    public Call {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }
  }

  record Keyword(String name, PyNode value) implements PyNode {}

  record Attr(PyNode obj, String name) implements PyNode {}

  /** {@code obj[key]}; the key is a {@link Slice} for {@code obj[a:b]}. */
  record Index(PyNode obj, PyNode key) implements PyNode {}

  /**
   * {@code lower:upper:step} inside a subscript; an omitted part is a None {@link Const}, which is
   * what CPython's slice object holds for it too.
   */
  record Slice(PyNode lower, PyNode upper, PyNode step) implements PyNode {}

  /**
   * {@code [element for ...]}, or, when {@code generator}, {@code (element for ...)}: a generator
   * is only computed where a call consumes it whole at once, as a list.
   */
  record ListComp(PyNode element, List<For> clauses, boolean generator) implements PyNode {
    public ListComp {
      clauses = List.copyOf(clauses);
    }
  }

  /** {@code {key: value for ...}}. */
  record DictComp(PyNode key, PyNode value, List<For> clauses) implements PyNode {
    public DictComp {
      clauses = List.copyOf(clauses);
    }
  }

  /**
   * One {@code for target in iterable} clause of a comprehension, with the {@code if} filters
   * written after it; the target is a {@link Name} or a {@link Sequence} of targets.
   */
  record For(PyNode target, PyNode iterable, List<PyNode> filters) {
    public For {
      filters = List.copyOf(filters);
    }
  }

  record BinOp(String op, PyNode left, PyNode right) implements PyNode {}

  record Unary(String op, PyNode operand) implements PyNode {}

  /** {@code not operand}. */
  record Not(PyNode operand) implements PyNode {}

  /** {@code a and b and c} or {@code a or b}: {@code op} is "and" or "or". */
  record BoolOp(String op, List<PyNode> values) implements PyNode {
    public BoolOp {
      values = List.copyOf(values);
    }
  }

  /**
   * A comparison chain {@code a < b == c}: {@code ops} ("<", "in", "not in", "is not"...) sit
   * between the operands, so there is one operand more than operators.
   */
  record Compare(List<String> ops, List<PyNode> operands) implements PyNode {
    public Compare {
      ops = List.copyOf(ops);
      operands = List.copyOf(operands);
    }
  }

  /** {@code body if test else orElse}. */
  record IfExp(PyNode test, PyNode body, PyNode orElse) implements PyNode {}

  /** {@code lambda params: body}: a function value, bound when assigned to a name. */
  record Lambda(List<PyFunction.Param> params, PyNode body) implements PyNode {
    public Lambda {
      params = List.copyOf(params);
    }
  }

  /** A construct that is parsed but never evaluated; the reason reads "uses a lambda" etc. */
  record Unsupported(String reason) implements PyNode {}

  /**
   * How a callee or attribute chain reads in a warning: names and attribute names only, never
   * arguments ({@code os.path.join}, {@code __import__().system}).
   */
  static String describe(PyNode node) {
    if (node instanceof Name n) {
      return n.id();
    } else if (node instanceof Attr a) {
      return describe(a.obj()) + "." + a.name();
    } else if (node instanceof Call c) {
      return describe(c.func()) + "()";
    } else if (node instanceof Index i) {
      return describe(i.obj()) + "[...]";
    } else if (node instanceof Const c) {
      return PyRepr.typeName(c.value());
    } else if (node instanceof FStr) {
      return "str";
    } else if (node instanceof Sequence s) {
      return s.tuple() ? "tuple" : "list";
    } else if (node instanceof Dict) {
      return "dict";
    }
    return "an expression";
  }
}
