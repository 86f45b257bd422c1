package envshift.settings;

import envshift.settings.PyNode.Call;
import envshift.settings.PyNode.Dict;
import envshift.settings.PyNode.DoubleStar;
import envshift.settings.PyNode.Index;
import envshift.settings.PyNode.Keyword;
import envshift.settings.PyNode.Pair;
import envshift.settings.PyNode.Sequence;
import envshift.settings.PyNode.Starred;
import envshift.settings.PyNode.Unsupported;
import java.util.ArrayList;
import java.util.List;

/**
 * The bracketed forms of {@link PyParser}: parenthesised expressions and tuples, list, dict and set
 * displays (comprehensions become {@link Unsupported}), call arguments and subscripts.
 */
final class PyDisplays {
  private final PyParser p;
  private final PyCursor in;

  PyDisplays(PyParser p, PyCursor in) {
    this.p = p;
    this.in = in;
  }

  PyNode parenthesized() {
    in.next();
    if (in.accept(")")) {
      return new Sequence(List.of(), true);
    }
    if (in.peekKeyword("yield")) {
      in.skipToClose();
      return new Unsupported("uses yield");
    }
    PyNode first = p.starOrTest();
    if (p.peekComprehension()) {
      in.skipToClose();
      return new Unsupported("uses a generator expression");
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
    PyNode first = p.starOrTest();
    if (p.peekComprehension()) {
      in.skipToClose();
      return new Unsupported("uses a list comprehension");
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.peekOp("]")) {
      items.add(p.starOrTest());
    }
    in.expect("]");
    return new Sequence(items, false);
  }

  PyNode braces() {
    in.next();
    if (in.accept("}")) {
      return new Dict(List.of());
    }
    PyNode first;
    if (in.accept("**")) {
      first = new DoubleStar(p.binary(0));
    } else {
      PyNode key = p.starOrTest();
      if (!in.accept(":")) {
        return set();
      }
      first = new Pair(key, p.test());
    }
    if (p.peekComprehension()) {
      in.skipToClose();
      return new Unsupported("uses a dict comprehension");
    }
    List<PyNode> items = new ArrayList<>(List.of(first));
    while (in.accept(",") && !in.peekOp("}")) {
      items.add(dictItem());
    }
    in.expect("}");
    return new Dict(items);
  }

  /** The rest of a set display or comprehension, after its first element. */
  private PyNode set() {
    if (p.peekComprehension()) {
      in.skipToClose();
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
      if (in.accept("*")) {
        args.add(new Starred(p.test()));
      } else if (in.accept("**")) {
        keywords.add(new DoubleStar(p.test()));
      } else if (in.peek().isIdentifier() && in.peek(1) != null && in.peek(1).isOp("=")) {
        String name = in.next().text();
        in.next();
        keywords.add(new Keyword(name, p.test()));
      } else {
        args.add(p.test());
        if (p.peekComprehension()) {
          in.skipToClose();
          return new Unsupported("uses a generator expression");
        }
      }
      if (!in.accept(",")) {
        break;
      }
    }
    in.expect(")");
    return new Call(func, args, keywords);
  }

  PyNode subscript(PyNode obj) {
    in.next();
    if (in.peekOp(":")) {
      in.skipToClose();
      return new Unsupported("uses a slice");
    }
    PyNode key = p.test();
    if (in.peekOp(":") || in.peekOp(",")) {
      String reason = in.peekOp(":") ? "uses a slice" : "uses a tuple index";
      in.skipToClose();
      return new Unsupported(reason);
    }
    in.expect("]");
    return new Index(obj, key);
  }
}
