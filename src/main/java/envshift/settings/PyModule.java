package envshift.settings;

import envshift.Origin;
import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import java.util.ArrayList;
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

  private final String file;
  private final Map<String, Binding> scope = new LinkedHashMap<>();
  private final List<ParseWarning> warnings = new ArrayList<>();

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

  void execute(PyStmt statement) {
    Origin at = new Origin(file, statement.line());
    if (statement instanceof PyStmt.Assign a) {
      assign(a.targets(), a.value(), at);
    } else if (statement instanceof PyStmt.AugAssign a) {
      assign(List.of(a.target()), new PyNode.BinOp(a.op(), a.target(), a.value()), at);
    } else if (statement instanceof PyStmt.Expr e) {
      expression(e.value(), at);
    } else if (statement instanceof PyStmt.Import i) {
      i.names().forEach(n -> scope.put(n, new Binding.Skipped("an imported name", at)));
      warn(at, i.star() ? "skipped " + i.what() + ": the names it defines are not seen"
          : "skipped " + i.what());
    } else if (statement instanceof PyStmt.Del d) {
      d.targets().forEach(t -> delete(t, at));
    } else if (statement instanceof PyStmt.Other o) {
      warn(at, "skipped '" + o.keyword() + "' statement");
    } else if (statement instanceof PyStmt.Block b) {
      String range = b.line() == b.lastLine() ? "line " + b.line()
          : "lines " + b.line() + "-" + b.lastLine();
      warn(at, "skipped '" + b.keyword() + "' block (" + range + ")"
          + (b.assigned().isEmpty() ? "" : "; it may change " + String.join(", ", b.assigned())));
    }
  }

  private void assign(List<PyNode> targets, PyNode expression, Origin at) {
    PyEvaluator ev = new PyEvaluator(scope);
    SettingValue value;
    try {
      value = ev.eval(expression);
    } catch (PyUnresolved u) {
      targets.forEach(t -> skip(t, u, at));
      return;
    }
    for (PyNode target : targets) {
      try {
        bind(target, value, at);
        for (String name : names(target)) {
          ev.notes().forEach(note -> warn(at, name + ": " + note));
        }
      } catch (PyUnresolved u) {
        skip(target, u, at);
      }
    }
  }

  private void bind(PyNode target, SettingValue value, Origin at) {
    if (target instanceof Name n) {
      scope.put(n.id(), new Binding.Known(value, at));
    } else if (target instanceof Sequence seq) {
      if (seq.items().stream().anyMatch(PyNode.Starred.class::isInstance)) {
        throw new PyUnresolved("unpacks with a starred target");
      }
      List<SettingValue> values = PyOps.iterate(value);
      if (values.size() != seq.items().size()) {
        throw new PyUnresolved("unpacks " + values.size() + " values into "
            + seq.items().size() + " targets");
      }
      for (int i = 0; i < values.size(); i++) {
        bind(seq.items().get(i), values.get(i), at);
      }
    } else if (target instanceof Index) {
      store(target, value, at);
    } else if (target instanceof Attr a) {
      throw new PyUnresolved("assigns to " + PyNode.describe(a));
    } else {
      throw new PyUnresolved(((PyNode.Unsupported) target).reason());
    }
  }

  /**
   * Replaces the value at a name or a subscript chain rooted at a known name ({@code A['x'][0]}).
   */
  private void store(PyNode target, SettingValue value, Origin at) {
    if (target instanceof Name n) {
      scope.put(n.id(), new Binding.Known(value, at));
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
    PyEvaluator ev = new PyEvaluator(scope);
    SettingValue container = ev.lookup(root.id());
    List<SettingValue> keyValues = new ArrayList<>();
    keys.forEach(k -> keyValues.add(ev.eval(k)));
    scope.put(root.id(), new Binding.Known(setIn(container, keyValues, 0, value), at));
  }

  private static SettingValue setIn(SettingValue container, List<SettingValue> keys, int i,
      SettingValue value) {
    boolean last = i == keys.size() - 1;
    if (container instanceof DictValue d) {
      String k = PyRepr.dictKey(keys.get(i));
      Map<String, SettingValue> entries = new LinkedHashMap<>(d.entries());
      if (!last && !entries.containsKey(k)) {
        throw new PyUnresolved("assigns into a key the dict does not have");
      }
      entries.put(k, last ? value : setIn(entries.get(k), keys, i + 1, value));
      return new DictValue(entries);
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
    String what = value instanceof Call c ? " (calls " + PyNode.describe(c.func()) + "())" : "";
    warn(at, "skipped expression statement" + what);
  }

  /** X.append(v), X.extend(v), X['k'].update(d): applied; other in-place changes skip X. */
  private void mutate(Call c, Attr a, Origin at) {
    String root = rootName(a.obj());
    try {
      PyEvaluator ev = new PyEvaluator(scope);
      SettingValue receiver = ev.eval(a.obj());
      if (c.args().size() != 1 || !c.keywords().isEmpty()) {
        throw new PyUnresolved("is changed by a call to ." + a.name() + "()");
      }
      SettingValue arg = ev.eval(c.args().get(0));
      store(a.obj(), PyMutations.apply(receiver, a.name(), arg), at);
    } catch (PyUnresolved u) {
      Binding before = scope.get(root);
      scope.put(root, new Binding.Skipped(u.root(), at));
      if (PyNames.isSetting(root) && before instanceof Binding.Known) {
        warn(at, root + ": skipped (" + u.reason() + ")");
      }
    }
  }

  private void delete(PyNode target, Origin at) {
    if (target instanceof Name n) {
      scope.remove(n.id());
      return;
    }
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

  /** The names a target binds; for a subscript chain, the name at its root. */
  private static List<String> names(PyNode target) {
    if (target instanceof Sequence seq) {
      List<String> names = new ArrayList<>();
      seq.items().forEach(item -> names.addAll(names(item)));
      return names;
    }
    if (target instanceof PyNode.Starred s) {
      return names(s.value());
    }
    String root = rootName(target);
    return root == null || target instanceof Attr ? List.of() : List.of(root);
  }

  private static String rootName(PyNode node) {
    PyNode n = node;
    while (n instanceof Index i) {
      n = i.obj();
    }
    return n instanceof Name name ? name.id() : null;
  }

  private void warn(Origin at, String message) {
    warnings.add(new ParseWarning(at, message));
  }
}
