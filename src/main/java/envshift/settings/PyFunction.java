package envshift.settings;

import java.util.List;
import java.util.Optional;

/**
 * A function the file defines whose call the evaluator can compute: a {@code def} whose body is
 * one {@code return EXPR} (after an optional docstring), or a {@code NAME = lambda ...: EXPR}.
 * Its parameters are plain names with optional defaults; {@code *args}, {@code **kwargs}, keyword-
 * or positional-only markers make it a function the evaluator does not call.
 *
 * <p>As in Python, the defaults are computed once, where the function is defined, and the body
 * reads module names as they are when it is called.
 */
record PyFunction(String name, List<Param> params, PyNode body) {
  PyFunction {
    params = List.copyOf(params);
  }

  /** A parameter; {@code fallback} is its default's expression, if it has one. */
  record Param(String name, Optional<PyNode> fallback) {}

  /** The parameters of a lambda or def, from the tokens between its name and its ':'. */
  static Optional<List<Param>> params(List<PyToken> tokens, String file, int line) {
    List<Param> params = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int k = 0; k <= tokens.size(); k++) {
      boolean end = k == tokens.size();
      if (!end) {
        PyToken t = tokens.get(k);
        depth += t.opens() ? 1 : t.closes() ? -1 : 0;
        if (depth != 0 || !t.isOp(",")) {
          continue;
        }
      }
      List<PyToken> param = tokens.subList(start, k);
      start = k + 1;
      if (param.isEmpty()) {
        if (end) {
          break; // a trailing comma, or no parameter at all
        }
        return Optional.empty();
      }
      if (!param.get(0).isIdentifier() || param.get(0).isKeyword()) {
        return Optional.empty(); // *args, **kwargs, *, / and anything stranger
      }
      Optional<PyNode> fallback = Optional.empty();
      int eq = -1;
      for (int j = 1; j < param.size(); j++) {
        if (param.get(j).isOp("=")) {
          eq = j;
          break;
        }
      }
      if (eq > 0) {
        fallback = Optional.of(PyParser.parseAll(param.subList(eq + 1, param.size()), file, line));
      } else if (param.size() > 1 && !param.get(1).isOp(":")) {
        return Optional.empty();
      }
      if (params.stream().anyMatch(p -> p.name().equals(param.get(0).text()))) {
        throw SettingsException.at(file, line, "duplicate argument '" + param.get(0).text()
            + "' in function definition");
      }
      params.add(new Param(param.get(0).text(), fallback));
    }
    return Optional.of(params);
  }
}
