package envshift.settings;

import envshift.Origin;
import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies module-level statements to what is known about each name, in order. A statement whose
 * value cannot be computed marks its targets as skipped (with a warning for settings); statements
 * that are not assignments are warned about and otherwise ignored. Nothing is ever executed.
 */
final class PyModule {
  static final Set<String> MUTATORS =
      Set.of("append", "extend", "insert", "remove", "pop", "clear", "update", "setdefault", "sort",
          "reverse", "add", "discard", "popitem");

  /**
   * Where the first star import is remembered in the scope, under a key no identifier can take: a
   * name defined nowhere in the file may come from it.
   */
  static final String STAR = "*";

  private final String file;
  private final Map<String, Binding> scope = new LinkedHashMap<>();
  /** What evaluating the whole file may cost: a hostile file is refused, not computed for hours. */
  private final PyWork work = new PyWork();
  private final List<ParseWarning> warnings = new ArrayList<>();
  /** The assumptions of the conditions that chose the branches being run (getenv defaults). */
  private final Deque<List<String>> conditions = new ArrayDeque<>();
  /** Inside a try body: anything that cannot be resolved abandons the body (see tryStatement). */
  private boolean trial;

  PyModule(String file) {
    this.file = file;
  }

  SettingsModule result() {
    List<Setting> settings = new ArrayList<>();
    scope.forEach((name, b) -> {
      if (PyNames.isSetting(name) && b instanceof Binding.Known k) {
        settings.add(new Setting(name, k.value(), k.origin()));
      }
    });
    return new SettingsModule(file, SettingsFormat.PYTHON, settings, warnings);
  }

  void run(List<PyStmt> statements) {
    statements.forEach(this::execute);
  }

  void execute(PyStmt statement) {
    try {
      apply(statement);
    } catch (PyTooLarge e) {
      throw SettingsException.at(file, statement.line(), e.getMessage());
    }
  }

  private void apply(PyStmt statement) {
    Origin at = new Origin(file, statement.line());
    if (statement instanceof PyStmt.Assign a) {
      assign(a.targets(), a.value(), at);
    } else if (statement instanceof PyStmt.AugAssign a) {
      assign(List.of(a.target()), new PyNode.BinOp(a.op(), a.target(), a.value()), at);
    } else if (statement instanceof PyStmt.Expr e) {
      expression(e.value(), at);
    } else if (statement instanceof PyStmt.Import i) {
      unresolvedInTrial();
      i.names().forEach(n -> scope.put(n, new Binding.Skipped("an imported name", at)));
      if (i.star() && !scope.containsKey(STAR)) {
        scope.put(STAR, new Binding.Skipped(i.what(), at));
      }
      warn(at, i.star() ? "skipped " + i.what() + ": the names it defines are not seen"
          : "skipped " + i.what());
    } else if (statement instanceof PyStmt.Del d) {
      d.targets().forEach(t -> delete(t, at));
    } else if (statement instanceof PyStmt.Other o) {
      unresolvedInTrial();
      warn(at, "skipped '" + o.keyword() + "' statement");
    } else if (statement instanceof PyStmt.Return) {
      unresolvedInTrial();
      warn(at, "skipped 'return' statement");
    } else if (statement instanceof PyStmt.If i) {
      ifStatement(i, at);
    } else if (statement instanceof PyStmt.Try t) {
      tryStatement(t, at);
    } else if (statement instanceof PyStmt.Block b) {
      if (b.keyword().equals("def") || b.keyword().equals("class")) {
        defined(b, at);
      } else {
        skipBlock(b.keyword(), b.line(), b.lastLine(), b.assigned(), "", at);
      }
    }
  }

  /**
   * Runs the branch whose condition holds, as Python would; the first condition that cannot be
   * decided skips it and every later branch, whose names become unknown.
   */
  private void ifStatement(PyStmt.If s, Origin at) {
    List<String> assumed = new ArrayList<>();
    for (int i = 0; i < s.branches().size(); i++) {
      PyStmt.Branch branch = s.branches().get(i);
      boolean taken = true;
      if (branch.test().isPresent()) {
        PyEvaluator ev = new PyEvaluator(scope, work);
        try {
          taken = ev.truth(branch.test().get());
        } catch (PyUnresolved u) {
          List<PyStmt> rest = new ArrayList<>();
          s.branches().subList(i, s.branches().size()).forEach(b -> rest.addAll(b.body()));
          if (!assumed.isEmpty()) {
            taint(s, i, s.branches().size(), assumed, at);
          }
          String keyword = i == 0 ? "if" : "elif";
          skipBlock(keyword, branch.line(), s.lastLine(), PyStmt.assigned(rest),
              ": its condition " + u.reason(), new Origin(file, branch.line()));
          return;
        }
        assumed.addAll(ev.notes());
        assumed.addAll(context());
      }
      if (taken) {
        if (!assumed.isEmpty()) {
          taint(s, i, i + 1, assumed, at);
        }
        conditions.push(List.copyOf(assumed));
        try {
          run(branch.body());
        } finally {
          conditions.pop();
        }
        return;
      }
    }
    if (!assumed.isEmpty()) {
      taint(s, 0, 0, assumed, at);
    }
  }

  /**
   * A branch chosen on an assumption: the settings the branches outside [from, to) would have set
   * keep their value only under that assumption, so they carry it too.
   */
  private void taint(PyStmt.If s, int from, int to, List<String> assumed, Origin at) {
    List<PyStmt> others = new ArrayList<>();
    for (int i = 0; i < s.branches().size(); i++) {
      if (i < from || i >= to) {
        others.addAll(s.branches().get(i).body());
      }
    }
    for (String name : PyStmt.assigned(others)) {
      if (scope.get(name) instanceof Binding.Known k) {
        List<String> all = new ArrayList<>(k.assumptions());
        assumed.stream().filter(a -> !all.contains(a)).forEach(all::add);
        scope.put(name, new Binding.Known(k.value(), k.origin(), all));
        if (PyNames.isSetting(name)) {
          assumed.forEach(note -> warn(at, name + ": " + note));
        }
      }
    }
  }

  /**
   * A try body that resolves whole is run, then its else and finally clauses: without running
   * code, nothing in it can raise. Otherwise the whole statement is skipped, as any except
   * clause may have run instead.
   */
  private void tryStatement(PyStmt.Try t, Origin at) {
    Map<String, Binding> before = new LinkedHashMap<>(scope);
    int warned = warnings.size();
    boolean outer = trial;
    trial = true;
    try {
      run(t.body());
    } catch (Unresolvable e) {
      scope.clear();
      scope.putAll(before);
      warnings.subList(warned, warnings.size()).clear();
      trial = outer;
      skipBlock("try", t.line(), t.lastLine(), t.assigned(), "", at);
      return;
    } finally {
      trial = outer;
    }
    run(t.orElse());
    run(t.finalBody());
  }

  /** def and class bind their name to something that is never a setting value. */
  private void defined(PyStmt.Block b, Origin at) {
    String name = b.assigned().get(0);
    if (b.function().isPresent()) {
      function(b.function().get(), at);
      return;
    }
    String what = b.keyword().equals("class") ? "a class" : "a function";
    Binding before = scope.put(name, new Binding.Skipped("is " + what, at));
    if (PyNames.isSetting(name) && before instanceof Binding.Known) {
      warn(at, name + ": skipped (redefined as " + what + ")");
    }
  }

  /** Binds a function the evaluator can call; its defaults are computed now, as Python does. */
  private void function(PyFunction function, Origin at) {
    Map<String, Binding> defaults = new LinkedHashMap<>();
    for (PyFunction.Param p : function.params()) {
      if (p.fallback().isEmpty()) {
        continue;
      }
      PyEvaluator ev = new PyEvaluator(scope, work);
      try {
        SettingValue value = ev.eval(p.fallback().get());
        defaults.put(p.name(), new Binding.Known(value, at, ev.notes()));
      } catch (PyUnresolved u) {
        defaults.put(p.name(), new Binding.Skipped(u.root(), at));
      }
    }
    Binding before = scope.put(function.name(), new Binding.Function(function, defaults, at));
    if (PyNames.isSetting(function.name()) && before instanceof Binding.Known) {
      warn(at, function.name() + ": skipped (redefined as a function)");
    }
  }

  /**
   * A block that is not run: every name it may change becomes unknown (keeping an earlier value
   * could push a wrong one), and the warning lists the settings among them.
   */
  private void skipBlock(String keyword, int first, int last, List<String> assigned, String why,
      Origin at) {
    unresolvedInTrial();
    String range = first == last ? "line " + first : "lines " + first + "-" + last;
    List<String> settings = assigned.stream().filter(PyNames::isSetting).toList();
    warn(at, "skipped '" + keyword + "' block (" + range + ")" + why
        + (settings.isEmpty() ? "" : "; it may change " + String.join(", ", settings)));
    for (String name : assigned) {
      Binding before = scope.put(name,
          new Binding.Skipped("may be changed by the '" + keyword + "' block at " + range, at));
      if (PyNames.isSetting(name) && before instanceof Binding.Known) {
        warn(at, name + ": skipped (its earlier value may be changed by the '" + keyword
            + "' block at " + range + ")");
      }
    }
  }

  /** The assumptions of the branches being run. */
  private List<String> context() {
    List<String> all = new ArrayList<>();
    conditions.forEach(c -> c.stream().filter(n -> !all.contains(n)).forEach(all::add));
    return all;
  }

  /** In a try body, something unresolved means the body may raise: the try is skipped whole. */
  private void unresolvedInTrial() {
    if (trial) {
      throw new Unresolvable();
    }
  }

  /** Abandons a try body. */
  private static final class Unresolvable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unresolvable() {
      super(null, null, false, false);
    }
  }

  private void assign(List<PyNode> targets, PyNode expression, Origin at) {
    if (expression instanceof PyNode.Lambda l && targets.size() == 1
        && targets.get(0) instanceof Name n) {
      function(new PyFunction(n.id(), l.params(), l.body()), at);
      if (PyNames.isSetting(n.id())) {
        warn(at, n.id() + ": skipped (is a function)"); // a function value is no env var
      }
      return;
    }
    PyEvaluator ev = new PyEvaluator(scope, work);
    SettingValue value;
    try {
      value = ev.eval(expression);
    } catch (PyUnresolved u) {
      targets.forEach(t -> skip(t, u, at));
      return;
    }
    List<String> assumed = new ArrayList<>(context());
    ev.notes().stream().filter(n -> !assumed.contains(n)).forEach(assumed::add);
    for (PyNode target : targets) {
      try {
        bind(target, value, assumed, at);
        for (String name : PyStmt.names(target)) {
          if (PyNames.isSetting(name)) {
            assumed.forEach(note -> warn(at, name + ": " + note));
          }
        }
      } catch (PyUnresolved u) {
        skip(target, u, at);
      }
    }
  }

  private void bind(PyNode target, SettingValue value, List<String> assumed, Origin at) {
    if (target instanceof Name n) {
      remember(n.id(), value, at, assumed);
    } else if (target instanceof Sequence seq) {
      List<SettingValue> values = PyOps.unpack(seq, value, "");
      for (int i = 0; i < values.size(); i++) {
        bind(seq.items().get(i), values.get(i), assumed, at);
      }
    } else if (target instanceof Index) {
      store(target, value, assumed, at);
    } else if (target instanceof Attr a) {
      throw new PyUnresolved("assigns to " + PyNode.describe(a));
    } else {
      throw new PyUnresolved(((PyNode.Unsupported) target).reason());
    }
  }

  /**
   * Replaces the value at a name or a subscript chain rooted at a known name ({@code A['x'][0]}).
   */
  private void store(PyNode target, SettingValue value, List<String> assumed, Origin at) {
    if (target instanceof Name n) {
      remember(n.id(), value, at, merged(n.id(), assumed));
      return;
    }
    List<PyNode> keys = new ArrayList<>();
    PyNode node = target;
    while (node instanceof Index i) {
      keys.add(0, i.key());
      node = i.obj();
    }
    if (!(node instanceof Name root)) {
      throw new PyUnresolved("assigns into " + PyNode.describe(node));
    }
    PyEvaluator ev = new PyEvaluator(scope, work);
    SettingValue container = ev.lookup(root.id());
    List<SettingValue> keyValues = new ArrayList<>();
    keys.forEach(k -> keyValues.add(ev.eval(k)));
    List<String> all = new ArrayList<>(merged(root.id(), assumed));
    ev.notes().stream().filter(n -> !all.contains(n)).forEach(all::add);
    remember(root.id(), setIn(container, keyValues, 0, value), at, all);
  }

  private void remember(String name, SettingValue value, Origin at, List<String> assumed) {
    if ((value instanceof ListValue || value instanceof DictValue)
        && ValueSize.exceedsLimit(value)) {
      throw new PyTooLarge(); // [X] * 1000 with a 10 MB X is cheap to hold, not to write out
    }
    scope.put(name, new Binding.Known(value, at, assumed));
  }

  /** A container changed in place keeps what it rested on, and adds what the change rests on. */
  private List<String> merged(String name, List<String> assumed) {
    List<String> all = new ArrayList<>();
    if (scope.get(name) instanceof Binding.Known k) {
      all.addAll(k.assumptions());
    }
    assumed.stream().filter(n -> !all.contains(n)).forEach(all::add);
    return all;
  }

  private static SettingValue setIn(SettingValue container, List<SettingValue> keys, int i,
      SettingValue value) {
    boolean last = i == keys.size() - 1;
    if (container instanceof DictValue d) {
      PyDicts.Builder entries = PyDicts.builder(d);
      SettingValue k = keys.get(i);
      if (!last && !entries.has(k)) {
        throw new PyUnresolved("assigns into a key the dict does not have");
      }
      entries.put(k, last ? value : setIn(entries.get(k), keys, i + 1, value));
      return entries.build();
    }
    if (container instanceof ListValue l && !l.tuple()) {
      PyOps.index(l, keys.get(i)); // rejects a key that is not an int, or out of range
      List<SettingValue> items = new ArrayList<>(l.items());
      int index = PyOps.integer(keys.get(i)).intValue();
      index = index < 0 ? index + items.size() : index;
      items.set(index, last ? value : setIn(items.get(index), keys, i + 1, value));
      return new ListValue(items, false);
    }
    throw new PyUnresolved("assigns into a " + PyRepr.typeName(container));
  }

  private void expression(PyNode value, Origin at) {
    if (value instanceof PyNode.Const) {
      return;
    }
    if (value instanceof Call c && c.func() instanceof Attr a && MUTATORS.contains(a.name())
        && rootName(a.obj()) != null && scope.containsKey(rootName(a.obj()))) {
      mutate(c, a, at);
      return;
    }
    unresolvedInTrial();
    String what = value instanceof Call c ? " (calls " + PyNode.describe(c.func()) + "())" : "";
    warn(at, "skipped expression statement" + what);
  }

  /** X.append(v), X.extend(v), X['k'].update(d): applied; other in-place changes skip X. */
  private void mutate(Call c, Attr a, Origin at) {
    String root = rootName(a.obj());
    try {
      PyEvaluator ev = new PyEvaluator(scope, work);
      SettingValue receiver = ev.eval(a.obj());
      boolean insert = a.name().equals("insert");
      if (c.args().size() != (insert ? 2 : 1) || !c.keywords().isEmpty()
          || c.args().stream().anyMatch(PyNode.Starred.class::isInstance)) {
        throw new PyUnresolved("is changed by a call to ." + a.name() + "()");
      }
      SettingValue arg = ev.eval(c.args().get(0));
      SettingValue changed = insert
          ? PyMutations.insert(receiver, arg, ev.eval(c.args().get(1)))
          : PyMutations.apply(receiver, a.name(), arg);
      List<String> assumed = new ArrayList<>(context());
      ev.notes().stream().filter(n -> !assumed.contains(n)).forEach(assumed::add);
      store(a.obj(), changed, assumed, at);
      if (PyNames.isSetting(root)) {
        assumed.forEach(note -> warn(at, root + ": " + note));
      }
    } catch (PyUnresolved u) {
      unresolvedInTrial();
      Binding before = scope.get(root);
      scope.put(root, new Binding.Skipped(u.root(), at));
      if (PyNames.isSetting(root) && before instanceof Binding.Known) {
        warn(at, root + ": skipped (" + u.reason() + ")");
      }
    }
  }

  private void delete(PyNode target, Origin at) {
    if (target instanceof Name n) {
      if (scope.remove(n.id()) == null) {
        unresolvedInTrial(); // a NameError in Python
      }
      return;
    }
    unresolvedInTrial();
    String root = rootName(target);
    if (root != null && scope.containsKey(root)) {
      scope.put(root, new Binding.Skipped("changed by a del statement", at));
      if (PyNames.isSetting(root)) {
        warn(at, root + ": skipped (changed by a del statement)");
      }
      return;
    }
    warn(at, "skipped 'del' statement");
  }

  private void skip(PyNode target, PyUnresolved u, Origin at) {
    unresolvedInTrial();
    if (target instanceof Attr a) {
      warn(at, "skipped assignment to " + PyNode.describe(a) + " (" + u.reason() + ")");
      return;
    }
    for (String name : names(target)) {
      scope.put(name, new Binding.Skipped(u.root(), at));
      if (PyNames.isSetting(name)) {
        warn(at, name + ": skipped (" + u.reason() + ")");
      }
    }
  }

  private static List<String> names(PyNode target) {
    return PyStmt.names(target);
  }

  private static String rootName(PyNode node) {
    return PyStmt.rootName(node);
  }

  private void warn(Origin at, String message) {
    warnings.add(new ParseWarning(at, message));
  }
}
