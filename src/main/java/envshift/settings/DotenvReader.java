package envshift.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Reads a dotenv file exactly as the given flavor's reader would, so that {@link DotenvWriter} can
 * prove its own output reads back byte for byte. No process environment is ever consulted: a
 * variable reference resolves only against keys defined earlier in the same file (else it is
 * empty).
 */
public final class DotenvReader {
  private DotenvReader() {}

  /**
   * The file's variables in order of first definition, each with its last value. A key with no '='
   * is left out (compose would take it from the environment; python-dotenv gives None).
   *
   * @throws SettingsException naming file:line when the reader would fail on, or skip, a line
   */
  public static LinkedHashMap<String, String> read(
      String text, DotenvFlavor flavor, String fileName) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(flavor, "flavor == null");
    Objects.requireNonNull(fileName, "fileName == null");
    List<DotenvEntry> entries = switch (flavor) {
      case COMPOSE -> ComposeDotenv.parse(text, fileName, false, DotenvEvents.NONE);
      case PYTHON -> PythonDotenv.parse(text, fileName);
    };
    LinkedHashMap<String, String> vars = new LinkedHashMap<>();
    entries.forEach(e -> vars.put(e.key(), e.value()));
    return vars;
  }
}
