package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each flavor's reading rules, where docker compose and python-dotenv differ. */
class DotenvReaderTest {
  private static final String SAMPLE = """
      export A=1
      B='${A} $A \\n \\' x'
      C="${A} $A $$ \\$ \\n \\t \\\\ \\" \\'"
      D=$A
      E=${NOPE:-fallback}
      F=v # comment
      G=${A}#b
      """;

  @Test
  void composeInterpolatesUnquotedAndDoubleQuotedValuesOnly() {
    assertThat(DotenvReader.read(SAMPLE, DotenvFlavor.COMPOSE, ".env")).containsExactly(
        entry("A", "1"),
        entry("B", "${A} $A \\n ' x"),
        entry("C", "1 1 $ $ \n \t \\ \" \\'"),
        entry("D", "1"),
        entry("E", "fallback"),
        entry("F", "v"),
        entry("G", "1#b"));
  }

  @Test
  void pythonExpandsBracedVariablesEverywhereAndLeavesBareDollarsAlone() {
    assertThat(DotenvReader.read(SAMPLE, DotenvFlavor.PYTHON, ".env")).containsExactly(
        entry("A", "1"),
        entry("B", "1 $A \\n ' x"),
        entry("C", "1 $A $$ \\$ \n \t \\ \" '"),
        entry("D", "$A"),
        entry("E", "fallback"),
        entry("F", "v"),
        entry("G", "1#b"));
  }

  @Test
  void pythonReadsAnEscapedTrailingBackslashAcrossLinesAsPythonDotenvDoes() {
    // python-dotenv's quoted-value pattern pairs the last \ with the closing quote and runs on to
    // the next quote in the file; the writer's self-check relies on this reader seeing that.
    assertThatThrownBy(() -> DotenvReader.read("A=\"abc\\\\\"\nB=\"x\"\n", DotenvFlavor.PYTHON,
        ".env")).isInstanceOf(SettingsException.class);
    assertThat(DotenvReader.read("A=\"abc\\\\\"\nB=x\n", DotenvFlavor.PYTHON, ".env"))
        .containsEntry("A", "abc\\").containsEntry("B", "x");
    assertThat(DotenvReader.read("A=\"abc\\\\\"\nB=\"x\"\n", DotenvFlavor.COMPOSE, ".env"))
        .containsEntry("A", "abc\\").containsEntry("B", "x");
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void theProcessEnvironmentIsNeverRead(DotenvFlavor flavor) {
    assertThat(System.getenv("PATH")).isNotEmpty();

    assertThat(DotenvReader.read("P=${PATH}\n", flavor, ".env")).containsEntry("P", "");
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void aKeyWithoutEqualsIsLeftOutAndTheLastValueWinsInFirstPosition(DotenvFlavor flavor) {
    assertThat(DotenvReader.read("A=1\nB\nC=3\nA=2\n", flavor, ".env"))
        .containsExactly(entry("A", "2"), entry("C", "3"));
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void anUnterminatedQuoteIsAnErrorWithItsLine(DotenvFlavor flavor) {
    assertThatThrownBy(() -> DotenvReader.read("A=1\nB=\"canary\n", flavor, "dev.env"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("dev.env:2: ")
        .hasMessageNotContaining("canary");
  }

  private static java.util.Map.Entry<String, String> entry(String k, String v) {
    return java.util.Map.entry(k, v);
  }
}
