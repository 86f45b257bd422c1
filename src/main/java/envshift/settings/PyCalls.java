package envshift.settings;

import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Keyword;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Starred;
import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.Str;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The builtins and methods {@link PyEvaluator} computes besides conversions: it reads the call's
 * arguments, checks them as CPython would, and hands known values to {@link PyFunctions},
 * {@link PyStrMethods} and {@link PyContainerMethods}. The iterators (range, enumerate, zip,
 * reversed and the dict views) are iterated where Python would iterate them, by list(), sorted(),
 * str.join()...; on their own they are not a setting value (their repr is not the list's), so they
 * stay unresolved there.
 */
final class PyCalls {
  private static final Set<String> BUILTINS = Set.of("max", "min", "abs", "round", "sorted",
      "sum", "any", "all", "hex", "oct", "bin", "repr", "chr", "ord", "isinstance", "range",
      "enumerate", "zip", "reversed");
  private static final Set<String> ITERATORS = Set.of("range", "enumerate", "zip", "reversed");
  private static final Set<String> VIEWS = Set.of("keys", "values", "items");
  private static final Set<String> TYPES = Set.of("int", "float", "str", "bool", "list", "tuple",
      "dict");

  private final PyEvaluator ev;
  /** Whether a name still means Python's builtin: the file has not bound it. */
  private final Predicate<String> builtin;

  PyCalls(PyEvaluator ev, Predicate<String> builtin) {
    this.ev = ev;
    this.builtin = builtin;
  }

  /** Whether {@code callee} is a builtin computed here, {@code int(text, base)} included. */
  boolean handles(String callee, Call c) {
    if (!builtin.test(callee)) {
      return false;
    }
    return BUILTINS.contains(callee)
        || callee.equals("int") && (c.args().size() == 2 || !c.keywords().isEmpty());
  }

  SettingValue builtin(String callee, Call c) {
    if (ITERATORS.contains(callee)) {
      throw new PyUnresolved("uses " + callee + "() as a value");
    }
    return switch (callee) {
      case "max", "min" -> extreme(callee, c);
      case "sorted" -> sorted(c);
      case "sum" -> sum(c);
      case "any", "all" -> PyFunctions.truthOfAll(callee, onlyIterable(callee, c));
      case "round" -> round(c);
      case "isinstance" -> isInstance(c);
      case "int" -> parseInt(c);
      default -> single(callee, c);
    };
  }

  /**
   * A method call on a known receiver; empty when the receiver is not known or its type has no
   * such method here, so the call is reported as before.
   */
  Optional<SettingValue> method(Attr a, Call c) {
    String name = a.name();
    if (!PyStrMethods.handles(name) && !PyContainerMethods.handles(name)
        && !VIEWS.contains(name)) {
      return Optional.empty();
    }
    Optional<SettingValue> receiver = known(a.obj());
    if (receiver.isEmpty()) {
      return Optional.empty();
    }
    SettingValue r = receiver.get();
    String type = PyRepr.typeName(r);
    boolean strMethod = r instanceof Str && PyStrMethods.handles(name);
    boolean dictView = r instanceof DictValue && VIEWS.contains(name);
    if (!strMethod && !dictView && !PyContainerMethods.handles(name)) {
      return Optional.empty();
    }
    if (!c.keywords().isEmpty()) {
      throw new PyUnresolved("calls " + type + "." + name + "() with keyword arguments");
    }
    if (dictView) {
      throw new PyUnresolved("uses dict." + name + "() as a value");
    }
    List<SettingValue> args = strMethod && name.equals("join") && c.args().size() == 1
        && !(c.args().get(0) instanceof Starred)
        ? List.of(new ListValue(iterable(c.args().get(0)), false))
        : positional(c);
    if (strMethod) {
      return Optional.of(PyStrMethods.call(name, ((Str) r).value(), args));
    }
    return PyContainerMethods.call(name, r, args);
  }

  /**
   * What iterating over {@code node} gives: the iterators and dict views are computed here, any
   * other value is iterated as {@link PyOps#iterate} does.
   */
  List<SettingValue> iterable(PyNode node) {
    return iterator(node).orElseGet(() -> PyOps.iterate(ev.eval(node)));
  }

  /**
   * The items of an iterator or dict view call, each receiver evaluated once; empty when
   * {@code node} is neither.
   */
  Optional<List<SettingValue>> iterator(PyNode node) {
    if (node instanceof Call c && c.func() instanceof Name n && ITERATORS.contains(n.id())
        && builtin.test(n.id())) {
      return Optional.of(iterator(n.id(), c));
    }
    if (node instanceof Call c && c.func() instanceof Attr a && VIEWS.contains(a.name())) {
      if (known(a.obj()).orElse(null) instanceof DictValue d) {
        return Optional.of(view(a.name(), d, c));
      }
      // as the evaluator reports it, without evaluating the receiver again
      throw new PyUnresolved("calls " + PyNode.describe(c.func()) + "()");
    }
    return Optional.empty();
  }

  private List<SettingValue> iterator(String callee, Call c) {
    return switch (callee) {
      case "range" -> range(c);
      case "enumerate" -> enumerate(c);
      case "zip" -> zip(c);
      default -> reversed(c);
    };
  }

  private List<SettingValue> range(Call c) {
    keywords(c, "range", Set.of());
    List<SettingValue> args = positional(c);
    if (args.isEmpty() || args.size() > 3 || !args.stream().allMatch(PyOps::isInteger)) {
      throw unusual("range");
    }
    BigInteger start = args.size() == 1 ? BigInteger.ZERO : PyOps.integer(args.get(0));
    BigInteger stop = PyOps.integer(args.get(args.size() == 1 ? 0 : 1));
    BigInteger step = args.size() == 3 ? PyOps.integer(args.get(2)) : BigInteger.ONE;
    if (step.signum() == 0) {
      throw new PyUnresolved("calls range() with a zero step");
    }
    BigInteger span = step.signum() > 0 ? stop.subtract(start) : start.subtract(stop);
    BigInteger count = span.signum() <= 0 ? BigInteger.ZERO
        : span.add(step.abs()).subtract(BigInteger.ONE).divide(step.abs());
    // each item writes out to two characters at least, as ValueSize measures a list
    PyOps.checkSize(count.min(BigInteger.valueOf(ValueSize.LIMIT)).longValue() * 2);
    List<SettingValue> items = new ArrayList<>();
    BigInteger at = start;
    for (long i = 0; i < count.longValue(); i++) {
      items.add(new Int(at));
      at = at.add(step);
    }
    return items;
  }

  private List<SettingValue> enumerate(Call c) {
    Map<String, PyNode> kw = keywords(c, "enumerate", Set.of("start"));
    if (c.args().isEmpty() || c.args().size() + kw.size() > 2 || hasStarred(c)) {
      throw unusual("enumerate");
    }
    List<SettingValue> items = iterable(c.args().get(0));
    SettingValue start = c.args().size() == 2 ? ev.eval(c.args().get(1))
        : kw.containsKey("start") ? ev.eval(kw.get("start")) : Int.of(0);
    if (!PyOps.isInteger(start)) {
      throw unusual("enumerate");
    }
    List<SettingValue> out = new ArrayList<>();
    BigInteger i = PyOps.integer(start);
    for (SettingValue item : items) {
      out.add(new ListValue(List.of(new Int(i), item), true));
      i = i.add(BigInteger.ONE);
    }
    return out;
  }

  private List<SettingValue> zip(Call c) {
    keywords(c, "zip", Set.of()); // strict= would raise on unequal lengths: not computed here
    List<List<SettingValue>> columns = new ArrayList<>();
    for (PyNode arg : c.args()) {
      if (arg instanceof Starred s) {
        iterable(s.value()).forEach(v -> columns.add(PyOps.iterate(v)));
      } else {
        columns.add(iterable(arg));
      }
    }
    int rows = columns.stream().mapToInt(List::size).min().orElse(0);
    List<SettingValue> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      List<SettingValue> row = new ArrayList<>();
      for (List<SettingValue> column : columns) {
        row.add(column.get(i));
      }
      out.add(new ListValue(row, true));
    }
    return out;
  }

  /** reversed() of a sequence, a dict (its keys), a range or a dict view, as Python 3.8+. */
  private List<SettingValue> reversed(Call c) {
    keywords(c, "reversed", Set.of());
    if (c.args().size() != 1 || hasStarred(c)) {
      throw unusual("reversed");
    }
    PyNode arg = c.args().get(0);
    if (arg instanceof Call inner && inner.func() instanceof Name n && ITERATORS.contains(n.id())
        && builtin.test(n.id()) && !n.id().equals("range")) {
      throw new PyUnresolved("calls reversed() on " + n.id() + "()"); // not reversible
    }
    Optional<List<SettingValue>> lazy = iterator(arg);
    List<SettingValue> items;
    if (lazy.isPresent()) {
      items = lazy.get();
    } else {
      SettingValue v = ev.eval(arg);
      if (!(v instanceof ListValue || v instanceof Str || v instanceof DictValue)) {
        throw new PyUnresolved("calls reversed() on a " + PyRepr.typeName(v));
      }
      items = PyOps.iterate(v);
    }
    List<SettingValue> out = new ArrayList<>(items);
    Collections.reverse(out);
    return out;
  }

  private List<SettingValue> view(String name, DictValue d, Call c) {
    if (!c.args().isEmpty() || !c.keywords().isEmpty()) {
      throw new PyUnresolved("calls dict." + name + "() with unusual arguments");
    }
    List<SettingValue> out = new ArrayList<>();
    for (Map.Entry<String, SettingValue> e : d.entries().entrySet()) {
      SettingValue key = PyDicts.keyObject(d, e.getKey());
      out.add(switch (name) {
        case "keys" -> key;
        case "values" -> e.getValue();
        default -> new ListValue(List.of(key, e.getValue()), true);
      });
    }
    return out;
  }

  private SettingValue extreme(String callee, Call c) {
    Map<String, PyNode> kw = keywords(c, callee, Set.of("default", "key"));
    noKeyFunction(kw, callee);
    SettingValue fallback = kw.containsKey("default") ? ev.eval(kw.get("default")) : null;
    List<SettingValue> items;
    if (c.args().size() == 1 && !hasStarred(c)) {
      items = iterable(c.args().get(0));
    } else {
      List<SettingValue> args = positional(c);
      if (args.isEmpty() || args.size() > 1 && fallback != null) {
        throw unusual(callee); // CPython refuses default= with several arguments
      }
      items = args.size() == 1 ? PyOps.iterate(args.get(0)) : args;
    }
    return PyFunctions.extreme(callee, items, fallback);
  }

  private SettingValue sorted(Call c) {
    Map<String, PyNode> kw = keywords(c, "sorted", Set.of("key", "reverse"));
    noKeyFunction(kw, "sorted");
    List<SettingValue> items = onlyIterable("sorted", c);
    boolean reverse = false;
    if (kw.containsKey("reverse")) {
      SettingValue r = ev.eval(kw.get("reverse"));
      if (!PyOps.isInteger(r)) {
        throw unusual("sorted"); // CPython takes an int (or bool) only
      }
      reverse = PyOps.integer(r).signum() != 0;
    }
    return PyFunctions.sorted(items, reverse);
  }

  private SettingValue sum(Call c) {
    Map<String, PyNode> kw = keywords(c, "sum", Set.of("start"));
    if (c.args().isEmpty() || c.args().size() + kw.size() > 2 || hasStarred(c)) {
      throw unusual("sum");
    }
    List<SettingValue> items = iterable(c.args().get(0));
    SettingValue start = c.args().size() == 2 ? ev.eval(c.args().get(1))
        : kw.containsKey("start") ? ev.eval(kw.get("start")) : Int.of(0);
    return PyFunctions.sum(items, start);
  }

  private SettingValue round(Call c) {
    Map<String, PyNode> kw = keywords(c, "round", Set.of("number", "ndigits"));
    List<SettingValue> args = positional(c);
    if (kw.containsKey("number") && !args.isEmpty()) {
      throw unusual("round");
    }
    if (kw.containsKey("number")) {
      args.add(ev.eval(kw.get("number")));
    }
    if (kw.containsKey("ndigits")) {
      args.add(ev.eval(kw.get("ndigits")));
    }
    if (args.isEmpty() || args.size() > 2 || kw.containsKey("ndigits") && args.size() != 2) {
      throw unusual("round");
    }
    return PyFunctions.round(args.get(0), args.size() == 2 ? args.get(1)
        : SettingValue.None.INSTANCE);
  }

  private SettingValue isInstance(Call c) {
    keywords(c, "isinstance", Set.of());
    if (c.args().size() != 2 || hasStarred(c)) {
      throw unusual("isinstance");
    }
    SettingValue v = ev.eval(c.args().get(0));
    return new Bool(matchesType(v, c.args().get(1)));
  }

  /** A builtin type name, or a tuple of them (nested tuples too), as isinstance() takes. */
  private boolean matchesType(SettingValue v, PyNode type) {
    if (type instanceof Name n && TYPES.contains(n.id()) && builtin.test(n.id())) {
      return PyFunctions.isInstance(v, n.id());
    }
    if (type instanceof Sequence s && s.tuple()) {
      boolean any = false;
      for (PyNode item : s.items()) {
        if (item instanceof Starred) {
          throw unusual("isinstance");
        }
        any |= matchesType(v, item); // every type is checked, so an unknown one is never skipped
      }
      return any;
    }
    throw new PyUnresolved("calls isinstance() with a type it does not know");
  }

  private SettingValue parseInt(Call c) {
    Map<String, PyNode> kw = keywords(c, "int", Set.of("base"));
    List<SettingValue> args = positional(c);
    if (kw.containsKey("base")) {
      args.add(ev.eval(kw.get("base")));
    }
    if (args.size() != 2) {
      throw unusual("int");
    }
    return PyFunctions.parseInt(args.get(0), args.get(1));
  }

  /** abs, hex, oct, bin, repr, chr and ord: one positional argument. */
  private SettingValue single(String callee, Call c) {
    keywords(c, callee, Set.of());
    List<SettingValue> args = positional(c);
    if (args.size() != 1) {
      throw unusual(callee);
    }
    SettingValue v = args.get(0);
    return switch (callee) {
      case "abs" -> PyFunctions.abs(v);
      case "hex", "oct", "bin" -> PyFunctions.based(callee, v);
      case "repr" -> PyFunctions.repr(v);
      case "chr" -> PyFunctions.chr(v);
      default -> PyFunctions.ord(v);
    };
  }

  /** The items of the one positional argument of sorted(), any() or all(). */
  private List<SettingValue> onlyIterable(String callee, Call c) {
    if (c.args().size() == 1 && !hasStarred(c)) {
      return iterable(c.args().get(0));
    }
    List<SettingValue> args = positional(c);
    if (args.size() != 1) {
      throw unusual(callee);
    }
    return PyOps.iterate(args.get(0));
  }

  /** The positional arguments, *args unpacked. */
  private List<SettingValue> positional(Call c) {
    List<SettingValue> values = new ArrayList<>();
    for (PyNode arg : c.args()) {
      if (arg instanceof Starred s) {
        values.addAll(iterable(s.value()));
      } else {
        values.add(ev.eval(arg));
      }
    }
    return values;
  }

  /** The keyword arguments by name; **kwargs and names the builtin does not take: unresolved. */
  private static Map<String, PyNode> keywords(Call c, String callee, Set<String> accepted) {
    Map<String, PyNode> named = new LinkedHashMap<>();
    for (PyNode k : c.keywords()) {
      if (!(k instanceof Keyword kw) || !accepted.contains(kw.name())
          || named.put(kw.name(), kw.value()) != null) {
        throw unusual(callee);
      }
    }
    return named;
  }

  /** key=None is the default; a key function would have to run. */
  private void noKeyFunction(Map<String, PyNode> kw, String callee) {
    if (kw.containsKey("key") && !(ev.eval(kw.get("key")) instanceof SettingValue.None)) {
      throw new PyUnresolved("calls " + callee + "() with a key function");
    }
  }

  private static boolean hasStarred(Call c) {
    return c.args().stream().anyMatch(Starred.class::isInstance);
  }

  private Optional<SettingValue> known(PyNode receiver) {
    try {
      return Optional.of(ev.eval(receiver));
    } catch (PyUnresolved e) {
      return Optional.empty();
    }
  }

  private static PyUnresolved unusual(String callee) {
    return new PyUnresolved("calls " + callee + "() with unusual arguments");
  }
}
