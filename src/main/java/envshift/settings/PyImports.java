package envshift.settings;

import java.util.ArrayList;
import java.util.List;

/** Parses {@code import a.b as c, d} and {@code from .m import (x as y, z)} / {@code *}. */
final class PyImports {
  private final PyCursor in;

  private PyImports(PyCursor in) {
    this.in = in;
  }

  static PyStmt.Import parse(List<PyToken> tokens, String file) {
    return new PyImports(new PyCursor(tokens, file, tokens.get(0).line())).statement();
  }

  private PyStmt.Import statement() {
    int line = in.peek().line();
    return in.next().text().equals("import") ? plain(line) : from(line);
  }

  /** import a.b as c, d: binds c and d. */
  private PyStmt.Import plain(int line) {
    List<String> names = new ArrayList<>();
    List<String> modules = new ArrayList<>();
    do {
      String module = dotted();
      modules.add(module);
      names.add(in.acceptKeyword("as") ? identifier() : module.split("\\.")[0]);
    } while (in.accept(","));
    end();
    return new PyStmt.Import(names, "import of " + String.join(", ", modules), false, line);
  }

  /** from .m import (x as y, z) or from m import *. */
  private PyStmt.Import from(int line) {
    StringBuilder module = new StringBuilder();
    while (in.peekOp(".") || in.peekOp("...")) {
      module.append(in.next().text());
    }
    if (!in.peekKeyword("import")) {
      module.append(dotted());
    }
    if (!in.acceptKeyword("import")) {
      throw error();
    }
    if (in.accept("*")) {
      end();
      return new PyStmt.Import(List.of(), "'from " + module + " import *'", true, line);
    }
    List<String> names = new ArrayList<>();
    boolean parenthesized = in.accept("(");
    do {
      if (parenthesized && in.peekOp(")")) {
        break;
      }
      String name = identifier();
      names.add(in.acceptKeyword("as") ? identifier() : name);
    } while (in.accept(","));
    if (parenthesized && !in.accept(")")) {
      throw error();
    }
    end();
    return new PyStmt.Import(names, "import from " + module, false, line);
  }

  private String dotted() {
    StringBuilder b = new StringBuilder(identifier());
    while (in.accept(".")) {
      b.append('.').append(identifier());
    }
    return b.toString();
  }

  private String identifier() {
    if (in.atEnd() || !in.peek().isIdentifier()) {
      throw error();
    }
    return in.next().text();
  }

  private void end() {
    if (!in.atEnd()) {
      throw error();
    }
  }

  private SettingsException error() {
    return in.error("invalid import statement");
  }
}
