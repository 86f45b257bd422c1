package envshift.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import envshift.settings.PythonSettingsParser;
import envshift.settings.Settings;
import java.nio.charset.StandardCharsets;

/** The Python settings parser: any text parses or is refused with an EnvshiftException. */
class PythonSettingsFuzzTest {
  @FuzzTest
  void pythonSettings(byte[] input) {
    // lenient decoding: strict UTF-8 is Settings.decode's job, the parser is the target here
    String text = new String(input, StandardCharsets.UTF_8);
    Property.parsesOrFailsCleanly(() -> PythonSettingsParser.parse(text, "settings.py"));
    Property.parsesOrFailsCleanly(() -> Settings.parse(text, "config/production.py"));
  }
}
