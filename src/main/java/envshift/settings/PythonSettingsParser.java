package envshift.settings;

import java.util.List;

/**
 * Reads a Django or Flask settings module without running it: a tokenizer, a recursive-descent
 * expression parser and a small evaluator over values already known. Upper-case module-level names
 * become settings; what would need code to run (imports, calls, conditionals, compound statements)
 * is skipped with a warning naming the line and the setting. Bad syntax is a {@link
 * SettingsException}.
 */
public final class PythonSettingsParser {
  private PythonSettingsParser() {}

  public static SettingsModule parse(String text, String fileName) {
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    source = source.replace("\r\n", "\n").replace('\r', '\n');
    String normalised = source;
    return PyDicts.scoped(() -> {
      List<PyStmt> statements = PyStatements.parse(PyLexer.lines(normalised, fileName), fileName);
      PyModule module = new PyModule(fileName);
      module.run(statements);
      return module.result();
    });
  }
}
