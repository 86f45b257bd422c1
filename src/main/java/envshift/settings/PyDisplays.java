package envshift.settings;

import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Const;
import envshift.settings.PyNode.Dict;
import envshift.settings.PyNode.DictComp;
import envshift.settings.PyNode.DoubleStar;
import envshift.settings.PyNode.For;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Keyword;
import envshift.settings.PyNode.ListComp;
import envshift.settings.PyNode.Pair;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Slice;
import envshift.settings.PyNode.Starred;
import envshift.settings.PyNode.Unsupported;
import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed forms of {@link PyParser}: parenthesised expressions, tuples and generator
 * expressions, list, dict and set displays and comprehensions (sets become {@link Unsupported}),
 * call arguments, subscripts and slices.
 */
final class PyDisplays {
  private final PyParser p;
  private final PyCursor in;

  PyDisplays(PyParser p, PyCursor in) {
    this.p = p;
    this.in = in;
  }

  private static final PyNode NONE = new Const(SettingValue.None.INSTANCE);

  PyNode parenthesized() {
    in.next();
    if (in.accept(")")) {
      return new Sequence(List.of(), true);
    }
    if (in.peekKeyword("yield")) {
      in.skipToClose();
      return p.hazard("uses yield");
    }
    int hazards = p.hazards();
    PyNode first = p.starOrTest();
    if (p.peekComprehension()) {
      PyNode generator = listComprehension(first, hazards, true);
      in.expect(")");
      return generator;
    }
    if (in.accept(")")) {
      return first;
    }
    in.expect(",");
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (!in.peekOp(")")) {
      items.add(p.starOrTest());
      if (!in.accept(",")) {
        break;
      }
    }
    in.expect(")");
    return new Sequence(items, true);
  }

  PyNode list() {
    in.next();
    if (in.accept("]")) {
      return new Sequence(List.of(), false);
    }
    int hazards = p.hazards();
    PyNode first = p.starOrTest();
    if (p.peekComprehension()) {
      PyNode comprehension = listComprehension(first, hazards, false);
      in.expect("]");
      return comprehension;
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.peekOp("]")) {
      items.add(p.starOrTest());
    }
    in.expect("]");
    return new Sequence(items, false);
  }

  /** The clauses after a list comprehension's or generator's element. */
  private PyNode listComprehension(PyNode element, int hazards, boolean generator) {
    if (element instanceof Starred) {
      throw in.error("iterable unpacking cannot be used in comprehension");
    }
    List<For> clauses = p.comprehensionClauses();
    return p.hazardSince(hazards).<PyNode>map(Unsupported::new)
        .orElse(new ListComp(element, clauses, generator));
  }

  PyNode braces() {
    in.next();
    if (in.accept("}")) {
      return new Dict(List.of());
    }
    int hazards = p.hazards();
    PyNode first;
    if (in.accept("**")) {
      first = new DoubleStar(p.binary(0));
    } else {
      PyNode key = p.starOrTest();
      if (!in.accept(":")) {
        return set(key);
      }
      first = new Pair(key, p.test());
    }
    if (p.peekComprehension()) {
      if (!(first instanceof Pair pair)) {
        throw in.error("dict unpacking cannot be used in dict comprehension");
      }
      List<For> clauses = p.comprehensionClauses();
      in.expect("}");
      return p.hazardSince(hazards).<PyNode>map(Unsupported::new)
          .orElse(new DictComp(pair.key(), pair.value(), clauses));
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.peekOp("}")) {
      items.add(dictItem());
    }
    in.expect("}");
    return new Dict(items);
  }

  /**
   * The rest of a set display or comprehension, after its first element: parsed for syntax, never
   * computed, as there is no set value.
   */
  private PyNode set(PyNode first) {
    if (p.peekComprehension()) {
      if (first instanceof Starred) {
        throw in.error("iterable unpacking cannot be used in comprehension");
      }
      p.comprehensionClauses();
      in.expect("}");
      return new Unsupported("uses a set comprehension");
    }
    while (in.accept(",") && !in.peekOp("}")) {
      p.starOrTest();
    }
    in.expect("}");
    return new Unsupported("uses a set");
  }

  private PyNode dictItem() {
    if (in.accept("**")) {
      return new DoubleStar(p.binary(0));
    }
    PyNode key = p.test();
    in.expect(":");
    return new Pair(key, p.test());
  }

  PyNode call(PyNode func) {
    in.next();
    List<PyNode> args = new ArrayList<>();
    List<PyNode> keywords = new ArrayList<>();
    while (!in.peekOp(")")) {
      if (in.atEnd()) {
        throw in.unexpected(); // "f(1(" cut off by a ';' the lexer saw inside brackets
      }
      if (in.accept("*")) {
        args.add(new Starred(p.test()));
      } else if (in.accept("**")) {
        keywords.add(new DoubleStar(p.test()));
      } else if (in.peek().isIdentifier() && in.peek(1) != null && in.peek(1).isOp("=")) {
        String name = in.next().text();
        in.next();
        keywords.add(new Keyword(name, p.test()));
      } else {
        int hazards = p.hazards();
        PyNode arg = p.test();
        if (p.peekComprehension()) {
          // Python only takes a bare generator expression as the one argument: f(x for x in L)
          PyNode generator = listComprehension(arg, hazards, true);
          if (!args.isEmpty() || !keywords.isEmpty() || !in.accept(")")) {
            throw in.error("generator expression must be parenthesized");
          }
          return new Call(func, List.of(generator), List.of());
        }
        args.add(arg);
      }
      if (!in.accept(",")) {
        break;
      }
    }
    in.expect(")");
    return new Call(func, args, keywords);
  }

  /**
   * {@code obj[key]} or {@code obj[a:b:c]}. A tuple of keys ({@code obj[1, 2]}, {@code obj[*k]})
   * is never computed, but stays an {@link Index}, so that assigning to one makes its root unknown.
   */
  PyNode subscript(PyNode obj) {
    in.next();
    PyNode key = subscriptItem();
    if (key instanceof Starred || in.peekOp(",")) {
      while (in.accept(",") && !in.peekOp("]")) {
        subscriptItem();
      }
      key = new Unsupported("uses a tuple index");
    }
    in.expect("]");
    return new Index(obj, key);
  }

  private PyNode subscriptItem() {
    if (in.accept("*")) {
      return new Starred(p.binary(0));
    }
    PyNode lower = in.peekOp(":") ? NONE : p.test();
    if (!in.accept(":")) {
      return lower;
    }
    PyNode upper = sliceEnd() ? NONE : p.test();
    PyNode step = in.accept(":") && !sliceEnd() ? p.test() : NONE;
    return new Slice(lower, upper, step);
  }

  private boolean sliceEnd() {
    return in.peekOp(":") || in.peekOp(",") || in.peekOp("]");
  }
}
