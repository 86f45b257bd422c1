package envshift.settings;

import envshift.settings.PyNode.Attr;
import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.DictComp;
import envshift.settings.PyNode.For;
import envshift.settings.PyNode.ListComp;
import envshift.settings.PyNode.Name;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Starred;
import envshift.settings.SettingValue.ListValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * List and dict comprehensions as Python 3 computes them. The first {@code for}'s iterable is
 * computed where the comprehension stands; everything else in a scope of its own, whose variables
 * hide the names around it and are gone afterwards. Every name a {@code for} binds is the
 * comprehension's throughout, so reading one before its clause has bound it is unresolved (an
 * UnboundLocalError in Python), never the module's value.
 */
final class PyComprehension {
  /** Calls that iterate their one argument through at once: a generator there is a list. */
  private static final Set<String> CONSUMERS =
      Set.of("dict", "list", "tuple", "sorted", "min", "max", "sum", "any", "all");

  private PyComprehension() {}

  /** The variables of one comprehension: the names its targets bind, with their values so far. */
  static final class Frame {
    private final Set<String> names;
    private final Map<String, SettingValue> values = new HashMap<>();

    private Frame(Set<String> names) {
      this.names = names;
    }

    boolean declares(String name) {
      return names.contains(name);
    }

    SettingValue value(String name) {
      SettingValue v = values.get(name);
      if (v == null) {
        throw new PyUnresolved("reads comprehension variable " + name + " before it is set");
      }
      return v;
    }
  }

  /**
   * The call with its generator argument made a list comprehension, when the callee consumes it
   * whole (list(), tuple(), dict(), str.join): the evaluator then computes it as the list it
   * is. Elsewhere the generator stays one, and unresolved. Whether the callee is really the
   * builtin (not shadowed, a known str) is still the evaluator's to check.
   */
  static Call consumed(Call c) {
    boolean consumer = c.func() instanceof Name n && CONSUMERS.contains(n.id())
        || c.func() instanceof Attr a && a.name().equals("join");
    if (consumer && c.args().size() == 1 && c.args().get(0) instanceof ListComp g
        && g.generator()) {
      return new Call(c.func(), List.of(new ListComp(g.element(), g.clauses(), false)),
          c.keywords());
    }
    return c;
  }

  static SettingValue list(PyEvaluator ev, ListComp c) {
    List<SettingValue> items = new ArrayList<>();
    run(ev, c.clauses(), () -> {
      items.add(ev.eval(c.element()));
      PyOps.checkSize(items.size());
    });
    return new ListValue(items, false);
  }

  static SettingValue dict(PyEvaluator ev, DictComp c) {
    PyDicts.Builder entries = PyDicts.builder();
    run(ev, c.clauses(), () -> {
      SettingValue key = ev.eval(c.key()); // Python 3.8+ computes the key first
      entries.put(key, ev.eval(c.value()));
    });
    return entries.build();
  }

  private static void run(PyEvaluator ev, List<For> clauses, Runnable element) {
    List<SettingValue> outermost = ev.iterable(clauses.get(0).iterable());
    Set<String> names = new HashSet<>();
    clauses.forEach(clause -> collectNames(clause.target(), names));
    Frame frame = new Frame(names);
    ev.within(frame, () -> loop(ev, frame, clauses, 0, outermost, element));
  }

  /** The clauses from {@code i} on, clause {@code i} iterating over {@code items}. */
  private static void loop(PyEvaluator ev, Frame frame, List<For> clauses, int i,
      List<SettingValue> items, Runnable element) {
    For clause = clauses.get(i);
    for (SettingValue item : items) {
      ev.iteration();
      bind(frame, clause.target(), item);
      if (!passes(ev, clause.filters())) {
        continue;
      }
      if (i + 1 == clauses.size()) {
        element.run();
      } else {
        List<SettingValue> inner = ev.iterable(clauses.get(i + 1).iterable());
        loop(ev, frame, clauses, i + 1, inner, element);
      }
    }
  }

  private static boolean passes(PyEvaluator ev, List<PyNode> filters) {
    for (PyNode filter : filters) {
      if (!ev.truth(filter)) {
        return false;
      }
    }
    return true;
  }

  private static void bind(Frame frame, PyNode target, SettingValue value) {
    if (target instanceof Name n) {
      frame.values.put(n.id(), value);
    } else if (target instanceof Sequence seq) {
      List<SettingValue> values = PyOps.unpack(seq, value, " in a comprehension");
      for (int i = 0; i < values.size(); i++) {
        bind(frame, seq.items().get(i), values.get(i));
      }
    } else {
      throw new PyUnresolved("assigns to " + PyNode.describe(target) + " in a comprehension");
    }
  }

  private static void collectNames(PyNode target, Set<String> names) {
    if (target instanceof Name n) {
      names.add(n.id());
    } else if (target instanceof Sequence seq) {
      seq.items().forEach(item -> collectNames(item, names));
    } else if (target instanceof Starred s) {
      collectNames(s.value(), names);
    }
  }
}
