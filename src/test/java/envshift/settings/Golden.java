package envshift.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Test helpers: a settings module rendered as one golden text, and fixture files. */
final class Golden {
  private Golden() {}

  /**
   * One line per setting ({@code line NAME = repr}, where repr is Python's, so 5432 and '5432'
   * differ and tuples show as tuples), then one per warning.
   */
  static String render(SettingsModule m) {
    String settings = m.settings().stream()
        .map(s -> s.origin().line() + " " + s.name() + " = " + PyRepr.repr(s.value()))
        .collect(Collectors.joining("\n"));
    String warnings = m.warnings().stream()
        .map(w -> "warning " + w)
        .collect(Collectors.joining("\n"));
    return warnings.isEmpty() ? settings : settings + "\n" + warnings;
  }

  /** The settings of a Python source as name → Python's repr of the value, in file order. */
  static java.util.Map<String, String> values(String source) {
    java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
    PythonSettingsParser.parse(source, "configs/settings.py").settings()
        .forEach(s -> values.put(s.name(), PyRepr.repr(s.value())));
    return values;
  }

  static String fixture(String name) {
    try (InputStream in = Golden.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
