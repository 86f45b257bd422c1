package envshift.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import envshift.settings.DotenvFlavor;
import envshift.settings.Settings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The dotenv readers and their {@code $VAR} interpolation, each dialect on its own and the
 * undeclared case (compose's reading cross-checked against python-dotenv's).
 */
class DotenvFuzzTest {
  private static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }

  @FuzzTest
  void dotenvByName(byte[] input) {
    String text = text(input);
    Property.parsesOrFailsCleanly(() -> Settings.parse(text, ".env.production"));
  }

  @FuzzTest
  void dotenvCompose(byte[] input) {
    String text = text(input);
    Property.parsesOrFailsCleanly(
        () -> Settings.parse(text, "app.env", Optional.of(DotenvFlavor.COMPOSE)));
  }

  @FuzzTest
  void dotenvPython(byte[] input) {
    String text = text(input);
    Property.parsesOrFailsCleanly(
        () -> Settings.parse(text, "app.env", Optional.of(DotenvFlavor.PYTHON)));
  }
}
