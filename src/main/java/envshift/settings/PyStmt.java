package envshift.settings;

import java.util.List;

/** A module-level Python statement, as far as the settings parser cares. */
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

  /**
   * A compound statement (if/for/try/with/def/class...) skipped whole, and the names it may change.
   */
  record Block(String keyword, int line, int lastLine, List<String> assigned) implements PyStmt {
    public Block {
      assigned = List.copyOf(assigned);
    }
  }
}
