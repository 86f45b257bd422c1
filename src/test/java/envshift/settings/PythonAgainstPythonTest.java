package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * envshift's values for conditions_safe.py against what python3 itself computed for it
 * (conditions_safe.expected, generated with no environment variable set): every value envshift
 * gives is Python's, and only the settings listed here as needing code are left out.
 */
class PythonAgainstPythonTest {
  private static Map<String, String> python(String expected) {
    Map<String, String> python = new LinkedHashMap<>();
    Golden.fixture(expected).lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .forEach(l -> python.put(l.substring(0, l.indexOf(" = ")),
            l.substring(l.indexOf(" = ") + 3)));
    return python;
  }

  private static Map<String, String> envshift(SettingsModule m) {
    Map<String, String> envshift = new LinkedHashMap<>();
    m.settings().forEach(s -> envshift.put(s.name(), PyRepr.repr(s.value())));
    return envshift;
  }

  @Test
  void everyValueEnvshiftGivesIsTheOnePythonComputes() {
    Map<String, String> python = python("conditions_safe.expected");
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("conditions_safe.py"), "configs/conditions_safe.py");

    Map<String, String> envshift = envshift(m);

    assertThat(python).hasSizeGreaterThan(40);
    assertThat(envshift).allSatisfy((name, repr) -> assertThat(python).containsEntry(name, repr));
    assertThat(python.keySet()).filteredOn(n -> !envshift.containsKey(n))
        .as("settings python resolves that envshift leaves out")
        .containsExactly("SCALE");
    assertThat(m.warnings()).map(ParseWarning::message)
        .contains("skipped 'if' block (lines 32-33): its condition reads HOST.endswith; "
            + "it may change SCALE");
  }

  /** builtins_safe.py calls builtins, str, dict and list methods; python3 wrote the oracle. */
  @Test
  void builtinsAndMethodsGiveWhatPythonComputes() {
    Map<String, String> python = python("builtins_safe.expected");
    SettingsModule m = PythonSettingsParser.parse(
        Golden.fixture("builtins_safe.py"), "configs/builtins_safe.py");

    assertThat(python).hasSizeGreaterThan(80);
    assertThat(envshift(m)).isEqualTo(python);
  }
}
