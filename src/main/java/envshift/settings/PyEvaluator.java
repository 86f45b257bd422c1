package envshift.settings;

import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Const;
import envshift.settings.PyNode.Dict;
import envshift.settings.PyNode.DoubleStar;
import envshift.settings.PyNode.FStr;
import envshift.settings.PyNode.Field;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Keyword;
import envshift.settings.PyNode.ListComp;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Pair;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Slice;
import envshift.settings.PyNode.Starred;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes an expression from literals and names already known, never running anything: the only
 * "calls" it understands are pure ones it implements itself (str.format, dict(), list(), tuple(),
 * int(), float(), str(), bool(), len() of one value; the builtins, str, dict and list methods of
 * {@link PyCalls}; os.path's pure functions; the file's own simple functions) and os.getenv /
 * os.environ.get, which it answers with their default instead of reading the environment. List
 * and dict comprehensions are computed ({@link PyComprehension}). Everything else throws {@link
 * PyUnresolved} with the reason.
 */
final class PyEvaluator {
  /** How deep calls of the file's own functions may nest (CPython stops at 1000). */
  private static final int MAX_CALL_DEPTH = 100;
  /** Names Python defines in every module, whose values depend on where it is imported from. */
  private static final Set<String> MODULE_ATTRIBUTES = Set.of("__file__", "__name__",
      "__path__", "__package__", "__spec__", "__loader__", "__cached__", "__builtins__");
  /** How many calls of the file's own functions one expression may make: f(n) + f(n) doubles. */
  private static final int MAX_CALLS = 10_000;
  private final Map<String, Binding> scope;
  /** Assumptions the value rests on, in the order met, each once. */
  private final Set<String> notes = new LinkedHashSet<>();
  private final int callDepth;
  /** The file's evaluation budget, shared by every evaluator over it. */
  private final PyWork work;
  /** Calls made so far by this evaluation and the ones it started: one counter, shared. */
  private final int[] callCount;
  /** The variables of the comprehensions being computed, innermost first. */
  private final Deque<PyComprehension.Frame> frames = new ArrayDeque<>();
  /** Comprehension iterations taken by this evaluation, nested ones included. */
  private long iterations;
  /** The builtins and methods computed besides conversions. */
  private final PyCalls calls;

  PyEvaluator(Map<String, Binding> scope) {
    this(scope, new PyWork());
  }

  /** An evaluator whose work counts against {@code work}: one budget for a whole file. */
  PyEvaluator(Map<String, Binding> scope, PyWork work) {
    this(scope, 0, new int[1], work);
  }

  private PyEvaluator(Map<String, Binding> scope, int callDepth, int[] callCount, PyWork work) {
    this.scope = scope;
    this.work = work;
    this.callDepth = callDepth;
    this.callCount = callCount;
    this.calls = new PyCalls(this, name -> !scope.containsKey(name));
  }

  /** What the evaluation assumed, e.g. "uses os.getenv('X'): taking its default". */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Evaluates a condition to Python's truth value. */
  boolean truth(PyNode node) {
    return PyCompare.truthy(eval(node));
  }

  SettingValue eval(PyNode node) {
    SettingValue value = compute(node);
    work.spend(value); // every value computed or read is paid for by its size
    return value;
  }

  private SettingValue compute(PyNode node) {
    if (node instanceof Const c) {
      return c.value();
    } else if (node instanceof Name n) {
      return lookup(n.id());
    } else if (node instanceof Sequence s) {
      return new ListValue(items(s.items()), s.tuple());
    } else if (node instanceof Dict d) {
      return dict(d);
    } else if (node instanceof FStr f) {
      return new Str(fstring(f));
    } else if (node instanceof Call c) {
      return call(c);
    } else if (node instanceof Index i) {
      return index(i);
    } else if (node instanceof ListComp c) {
      if (c.generator()) {
        throw new PyUnresolved("uses a generator expression");
      }
      return PyComprehension.list(this, c);
    } else if (node instanceof PyNode.DictComp c) {
      return PyComprehension.dict(this, c);
    } else if (node instanceof PyNode.BinOp b) {
      return PyOps.binary(b.op(), eval(b.left()), eval(b.right()));
    } else if (node instanceof PyNode.Unary u) {
      return PyOps.unary(u.op(), eval(u.operand()));
    } else if (node instanceof PyNode.Not n) {
      return new SettingValue.Bool(!truth(n.operand()));
    } else if (node instanceof PyNode.BoolOp b) {
      return bool(b);
    } else if (node instanceof PyNode.Compare c) {
      return new SettingValue.Bool(compare(c));
    } else if (node instanceof PyNode.IfExp e) {
      return truth(e.test()) ? eval(e.body()) : eval(e.orElse());
    } else if (node instanceof Attr a) {
      throw new PyUnresolved("reads " + PyNode.describe(a));
    } else if (node instanceof PyNode.Unsupported u) {
      throw new PyUnresolved(u.reason());
    } else if (node instanceof PyNode.Bytes) {
      throw new PyUnresolved("uses a bytes literal");
    } else if (node instanceof PyNode.Lambda) {
      throw new PyUnresolved("uses a lambda");
    } else if (node instanceof Slice) {
      throw new PyUnresolved("assigns to a slice"); // a subscript reads one in index()
    }
    throw new PyUnresolved("uses a starred expression");
  }

  /** and/or give the operand that decides, and evaluate no further, as Python does. */
  private SettingValue bool(PyNode.BoolOp b) {
    boolean and = b.op().equals("and");
    SettingValue v = null;
    for (PyNode operand : b.values()) {
      v = eval(operand);
      if (PyCompare.truthy(v) != and) {
        return v;
      }
    }
    return v;
  }

  /** A chain {@code a < b < c} is {@code a < b and b < c}, each operand evaluated once. */
  private boolean compare(PyNode.Compare c) {
    SettingValue left = eval(c.operands().get(0));
    for (int i = 0; i < c.ops().size(); i++) {
      SettingValue right = eval(c.operands().get(i + 1));
      if (!PyCompare.compare(c.ops().get(i), left, right)) {
        return false;
      }
      left = right;
    }
    return true;
  }

  SettingValue lookup(String name) {
    for (PyComprehension.Frame frame : frames) {
      if (frame.declares(name)) {
        return frame.value(name);
      }
    }
    Binding b = scope.get(name);
    if (b == null && scope.get(PyModule.STAR) instanceof Binding.Skipped star) {
      throw new PyUnresolved("refers to " + name + ", which is not defined here (" + star.root()
          + " may define it)");
    }
    if (b == null && MODULE_ATTRIBUTES.contains(name)) {
      throw new PyUnresolved("reads " + name); // where and how the file is imported
    }
    if (b == null) {
      throw new PyUnresolved("refers to undefined name " + name);
    }
    if (b instanceof Binding.Skipped s) {
      String reason = "refers to " + name + ", which is unknown (" + s.root() + ")";
      throw new PyUnresolved(reason, s.root());
    }
    if (b instanceof Binding.Function) {
      throw new PyUnresolved("refers to the function " + name);
    }
    Binding.Known known = (Binding.Known) b;
    notes.addAll(known.assumptions());
    return known.value();
  }

  private List<SettingValue> items(List<PyNode> nodes) {
    List<SettingValue> values = new ArrayList<>();
    for (PyNode item : nodes) {
      if (item instanceof Starred s) {
        values.addAll(calls.iterable(s.value()));
      } else {
        values.add(eval(item));
      }
    }
    return values;
  }

  private SettingValue dict(Dict d) {
    PyDicts.Builder entries = PyDicts.builder();
    for (PyNode item : d.items()) {
      if (item instanceof Pair p) {
        SettingValue key = eval(p.key());
        entries.put(key, eval(p.value()));
      } else {
        entries.putAll(mapping(eval(((DoubleStar) item).value())));
      }
    }
    return entries.build();
  }

  private static DictValue mapping(SettingValue v) {
    if (v instanceof DictValue d) {
      return d;
    }
    throw new PyUnresolved("unpacks a " + PyRepr.typeName(v) + " with **");
  }

  private String fstring(FStr f) {
    StringBuilder out = new StringBuilder();
    for (PyNode part : f.parts()) {
      if (part instanceof Const c) {
        out.append(((Str) c.value()).value());
        continue;
      }
      Field field = (Field) part;
      SettingValue v = eval(field.expr());
      if (field.conversion() != '\0') {
        v = PyFormat.convert(v, field.conversion());
      }
      out.append(PyFormatSpec.format(v, fstring(field.spec())));
      PyOps.checkSize(out.length());
    }
    return out.toString();
  }

  private SettingValue index(Index i) {
    if (PyNode.describe(i.obj()).equals("os.environ")) {
      throw new PyUnresolved("reads os.environ[" + environmentName(i.key()) + "]");
    }
    SettingValue obj = eval(i.obj());
    if (i.key() instanceof Slice s) {
      return PyOps.slice(obj, eval(s.lower()), eval(s.upper()), eval(s.step()));
    }
    return PyOps.index(obj, eval(i.key()));
  }

  /** Runs {@code body} with a comprehension's variables hiding the names around it. */
  void within(PyComprehension.Frame frame, Runnable body) {
    frames.push(frame);
    try {
      body.run();
    } finally {
      frames.pop();
    }
  }

  /** Counts one comprehension iteration: together they are bounded like a value's size. */
  void iteration() {
    PyOps.checkSize(++iterations);
  }

  private boolean isComprehensionVariable(String name) {
    return frames.stream().anyMatch(f -> f.declares(name));
  }

  /** The items a {@code for} would take from {@code node}: range(), zip(), dict views included. */
  List<SettingValue> iterable(PyNode node) {
    return calls.iterable(node);
  }

  private SettingValue call(Call call) {
    // a generator consumed at once by a builtin is its list; a function of the file's own by
    // that name might tell them apart
    Call c = call.func() instanceof Name own && scope.containsKey(own.id()) ? call
        : PyComprehension.consumed(call);
    if (c.func() instanceof Name n && isComprehensionVariable(n.id())) {
      throw new PyUnresolved("calls " + n.id() + "()"); // a value, which Python cannot call
    }
    String callee = PyNode.describe(c.func());
    if (c.func() instanceof Name n && scope.get(n.id()) instanceof Binding.Function f) {
      return invoke(f, c);
    }
    if (callee.equals("os.getenv") || callee.equals("os.environ.get")) {
      return environment(callee, c);
    }
    if (PyOsPath.handles(callee) && c.keywords().isEmpty()
        && c.args().stream().noneMatch(Starred.class::isInstance)) {
      requireOsModule(callee);
      return PyOsPath.call(callee, items(c.args()));
    }
    if (c.func() instanceof Attr a && a.name().equals("format")) {
      SettingValue receiver = eval(a.obj());
      if (receiver instanceof Str s) {
        return new Str(PyFormat.format(s.value(), items(c.args()), keywords(c.keywords())));
      }
      throw new PyUnresolved("calls .format() on a " + PyRepr.typeName(receiver));
    }
    if (c.func() instanceof Attr a) {
      Optional<SettingValue> result = calls.method(a, c);
      if (result.isPresent()) {
        return result.get();
      }
    }
    if (!scope.containsKey(callee) && callee.equals("dict")) {
      return dictCall(c);
    }
    if (calls.handles(callee, c)) {
      return calls.builtin(callee, c);
    }
    if (!scope.containsKey(callee) && PyBuiltins.isConversion(callee)) {
      if (!c.keywords().isEmpty() || c.args().size() > 1
          || c.args().isEmpty() && !callee.equals("bool")) {
        throw new PyUnresolved("calls " + callee + "() with unusual arguments");
      }
      return c.args().isEmpty() ? new SettingValue.Bool(false)
          : PyBuiltins.convert(callee, eval(single(c)));
    }
    if (!scope.containsKey(callee) && (callee.equals("list") || callee.equals("tuple"))) {
      if (!c.keywords().isEmpty() || c.args().size() > 1) {
        throw new PyUnresolved("calls " + callee + "() with unusual arguments");
      }
      List<SettingValue> values = c.args().isEmpty() ? List.of() : calls.iterable(single(c));
      return new ListValue(values, callee.equals("tuple"));
    }
    throw new PyUnresolved("calls " + callee + "()");
  }

  /**
   * Calls a function the file defines: arguments bound to parameters as Python binds them (a
   * missing or unexpected one is a TypeError: unresolved), then its body computed with the module's
   * names as they are now, shadowed by the parameters.
   */
  private SettingValue invoke(Binding.Function f, Call c) {
    PyFunction fn = f.function();
    if (callDepth >= MAX_CALL_DEPTH) {
      throw new PyUnresolved("calls " + fn.name() + "() recursively");
    }
    List<PyFunction.Param> params = fn.params();
    if (c.args().size() > params.size()) {
      throw new PyUnresolved("calls " + fn.name() + "() with too many arguments");
    }
    Map<String, Binding> local = new LinkedHashMap<>(scope);
    Map<String, Binding> bound = new LinkedHashMap<>();
    for (int i = 0; i < c.args().size(); i++) {
      if (c.args().get(i) instanceof Starred) {
        throw new PyUnresolved("calls " + fn.name() + "() with unusual arguments");
      }
      bound.put(params.get(i).name(), argument(c.args().get(i)));
    }
    for (PyNode k : c.keywords()) {
      if (!(k instanceof Keyword kw) || params.stream().noneMatch(p -> p.name().equals(kw.name()))
          || bound.containsKey(kw.name())) {
        throw new PyUnresolved("calls " + fn.name() + "() with unusual arguments");
      }
      bound.put(kw.name(), argument(kw.value()));
    }
    for (PyFunction.Param p : params) {
      Binding b = bound.containsKey(p.name()) ? bound.get(p.name()) : f.defaults().get(p.name());
      if (b == null) {
        throw new PyUnresolved("calls " + fn.name() + "() without its argument " + p.name());
      }
      local.put(p.name(), b);
    }
    if (++callCount[0] > MAX_CALLS) {
      throw new PyUnresolved("calls " + fn.name() + "() too many times");
    }
    PyEvaluator body = new PyEvaluator(local, callDepth + 1, callCount, work);
    SettingValue result;
    try {
      result = body.eval(fn.body());
    } finally {
      notes.addAll(body.notes);
    }
    return result;
  }

  private Binding argument(PyNode node) {
    Set<String> before = new LinkedHashSet<>(notes);
    SettingValue value = eval(node);
    List<String> assumed = notes.stream().filter(n -> !before.contains(n)).toList();
    return new Binding.Known(value, envshift.Origin.of("argument"), assumed);
  }

  private static PyNode single(Call c) {
    PyNode arg = c.args().get(0);
    if (arg instanceof Starred) {
      throw new PyUnresolved("calls " + PyNode.describe(c.func()) + "() with unusual arguments");
    }
    return arg;
  }

  /** A file may bind {@code os} to a value of its own: then os.x() is not the os module's. */
  private void requireOsModule(String callee) {
    if (isComprehensionVariable("os") || scope.get("os") instanceof Binding.Known
        || scope.get("os") instanceof Binding.Function) {
      throw new PyUnresolved("calls " + callee + "() on a value named os");
    }
  }

  /**
   * os.getenv('X', 'd') and os.environ.get('X', 'd'): the default, noted; the environment is never
   * read.
   */
  private SettingValue environment(String callee, Call c) {
    requireOsModule(callee);
    PyNode fallback = c.args().size() == 2 ? c.args().get(1) : null;
    for (PyNode k : c.keywords()) {
      if (fallback == null && callee.equals("os.getenv") && k instanceof Keyword kw
          && kw.name().equals("default")) {
        fallback = kw.value();
      } else {
        throw new PyUnresolved("calls " + callee + "() with unusual arguments");
      }
    }
    if (c.args().isEmpty() || c.args().size() > 2 || c.args().get(0) instanceof Starred) {
      throw new PyUnresolved("calls " + callee + "() with unusual arguments");
    }
    String use = "uses " + callee + "(" + environmentName(c.args().get(0)) + ")";
    if (fallback == null) {
      notes.add(use + " with no default: taking None");
      return SettingValue.None.INSTANCE;
    }
    SettingValue value = eval(fallback);
    notes.add(use + ": taking its default");
    return value;
  }

  /** The variable name as written, when it is a plain literal name; it is a name, not a secret. */
  private static String environmentName(PyNode key) {
    if (key instanceof Const c && c.value() instanceof Str s
        && s.value().matches("[A-Za-z_][A-Za-z0-9_]{0,99}")) {
      return "'" + s.value() + "'";
    }
    return "...";
  }

  private SettingValue dictCall(Call c) {
    if (c.args().size() > 1) {
      throw new PyUnresolved("calls dict() with unusual arguments");
    }
    PyDicts.Builder entries = PyDicts.builder();
    if (c.args().size() == 1) {
      PyNode node = single(c);
      Optional<List<SettingValue>> lazy = calls.iterator(node);
      SettingValue arg = lazy.isPresent() ? new ListValue(lazy.get(), false) : eval(node);
      if (arg instanceof DictValue d) {
        entries.putAll(d);
      } else {
        for (SettingValue pair : PyOps.iterate(arg)) {
          List<SettingValue> kv = PyOps.iterate(pair);
          if (kv.size() != 2) {
            throw new PyUnresolved("calls dict() on items that are not pairs");
          }
          entries.put(kv.get(0), kv.get(1));
        }
      }
    }
    keywords(c.keywords()).forEach((k, v) -> entries.put(new Str(k), v));
    return entries.build();
  }

  private Map<String, SettingValue> keywords(List<PyNode> keywords) {
    Map<String, SettingValue> values = new LinkedHashMap<>();
    for (PyNode k : keywords) {
      if (k instanceof Keyword kw) {
        values.put(kw.name(), eval(kw.value()));
      } else {
        DictValue d = mapping(eval(((DoubleStar) k).value()));
        for (SettingValue key : PyDicts.keys(d)) {
          if (!(key instanceof Str s)) {
            throw new PyUnresolved("unpacks a dict with non-str keys with **");
          }
          values.put(s.value(), d.entries().get(s.value()));
        }
      }
    }
    return values;
  }
}
