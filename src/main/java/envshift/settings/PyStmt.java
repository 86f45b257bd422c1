package envshift.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A Python statement, as far as the settings parser cares. */
sealed interface PyStmt {
  int line();

  /** {@code a = b = value}; targets are names, subscripts, attributes or tuples of them. */
  record Assign(List<PyNode> targets, PyNode value, int line) implements PyStmt {
    public Assign {
      targets = List.copyOf(targets);
    }
  }

  /** {@code target op= value}, with {@code op} the binary operator ("+" for +=). */
  record AugAssign(PyNode target, String op, PyNode value, int line) implements PyStmt {}

  record Expr(PyNode value, int line) implements PyStmt {}

  /** An import: the names it binds, how to describe it, and whether it is a star import. */
  record Import(List<String> names, String what, boolean star, int line) implements PyStmt {
    public Import {
      names = List.copyOf(names);
    }
  }

  record Del(List<PyNode> targets, int line) implements PyStmt {
    public Del {
      targets = List.copyOf(targets);
    }
  }

  /** assert, raise, return and the like: skipped. */
  record Other(String keyword, int line) implements PyStmt {}

  /** {@code if}/{@code elif}/{@code else}: the branches in order, each parsed whole. */
  record If(List<Branch> branches, int line, int lastLine, List<String> assigned)
      implements PyStmt {
    public If {
      branches = List.copyOf(branches);
      assigned = List.copyOf(assigned);
    }
  }

  /** One branch of an if statement; the else branch is the one that has no test. */
  record Branch(java.util.Optional<PyNode> test, List<PyStmt> body, int line) {
    public Branch {
      body = List.copyOf(body);
    }
  }

  /** {@code try} with its handlers (bodies only), else and finally clauses. */
  record Try(List<PyStmt> body, List<List<PyStmt>> handlers, List<PyStmt> orElse,
      List<PyStmt> finalBody, int line, int lastLine, List<String> assigned) implements PyStmt {
    public Try {
      body = List.copyOf(body);
      handlers = List.copyOf(handlers);
      orElse = List.copyOf(orElse);
      finalBody = List.copyOf(finalBody);
      assigned = List.copyOf(assigned);
    }
  }

  /**
   * A compound statement that is never run (for/while/with/def/class/match), its syntax checked,
   * and every module-level name it may bind.
   */
  record Block(String keyword, int line, int lastLine, List<String> assigned,
      java.util.Optional<PyFunction> function) implements PyStmt {
    public Block {
      assigned = List.copyOf(assigned);
    }

    Block(String keyword, int line, int lastLine, List<String> assigned) {
      this(keyword, line, lastLine, assigned, java.util.Optional.empty());
    }
  }

  /** {@code return value}: skipped at module level; the body of a function the evaluator calls. */
  record Return(PyNode value, int line) implements PyStmt {}

  /** Every module-level name the statements may bind or change, in order of appearance. */
  static List<String> assigned(List<PyStmt> statements) {
    Set<String> names = new LinkedHashSet<>();
    for (PyStmt s : statements) {
      if (s instanceof Assign a) {
        a.targets().forEach(t -> names.addAll(names(t)));
      } else if (s instanceof AugAssign a) {
        names.addAll(names(a.target()));
      } else if (s instanceof Expr e) {
        String root = mutated(e.value());
        if (root != null) {
          names.add(root);
        }
      } else if (s instanceof Import i) {
        names.addAll(i.names());
      } else if (s instanceof Del d) {
        d.targets().forEach(t -> names.addAll(names(t)));
      } else if (s instanceof If i) {
        names.addAll(i.assigned());
      } else if (s instanceof Try t) {
        names.addAll(t.assigned());
      } else if (s instanceof Block b) {
        names.addAll(b.assigned());
      }
    }
    return new ArrayList<>(names);
  }

  /** The name an in-place call changes ({@code X.append(1)}, {@code X['k'].update(d)}). */
  static String mutated(PyNode value) {
    if (value instanceof PyNode.Call c && c.func() instanceof PyNode.Attr a
        && PyModule.MUTATORS.contains(a.name())) {
      return rootName(a.obj());
    }
    return null;
  }

  /** The names a target binds; for a subscript chain, the name at its root. */
  static List<String> names(PyNode target) {
    if (target instanceof PyNode.Sequence seq) {
      List<String> names = new ArrayList<>();
      seq.items().forEach(item -> names.addAll(names(item)));
      return names;
    }
    if (target instanceof PyNode.Starred s) {
      return names(s.value());
    }
    String root = rootName(target);
    return root == null || target instanceof PyNode.Attr ? List.of() : List.of(root);
  }

  static String rootName(PyNode node) {
    PyNode n = node;
    while (n instanceof PyNode.Index i) {
      n = i.obj();
    }
    return n instanceof PyNode.Name name ? name.id() : null;
  }
}
