package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile settings that describe enormous values in a few lines are refused with one line naming
 * file:line and envshift's bound, without building the value (docs/security.md). How fast is not
 * asserted here (no timed unit tests): a value built or a parse gone quadratic would take minutes.
 */
class ValueBoundsTest {
  private static void refused(String file, String text, String where, String message) {
    assertThatThrownBy(() -> parse(file, text))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith(where)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static SettingsModule parse(String file, String text) {
    return Settings.parse(text, file);
  }

  private static SettingsModule parse(String file, String text, DotenvFlavor dialect) {
    return Settings.parse(text, file, java.util.Optional.of(dialect));
  }

  private static String lines(int n, String line) {
    return IntStream.range(0, n).mapToObj(i -> line).collect(Collectors.joining("\n", "", "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "BIG = 10 ** 10 ** 10",
      "LONG = 'x' * 10 ** 9",
      "L = [0] * 10 ** 9"})
  void pythonArithmeticPastTheBoundIsAnError(String line) {
    refused("settings.py", "X = 1\n" + line + "\n", "settings.py:2:", "envshift's bound");
  }

  /** Nested fors multiply: their iterations count, even those a filter drops, as do items. */
  @ParameterizedTest
  @ValueSource(strings = {
      "X = [1 for a in L for b in L for c in L]",
      "X = [1 for a in L for b in L for c in L if False]",
      "X = len([[1 for a in L for b in L] for c in L for d in L])"})
  void pythonComprehensionsStopAtTheBound(String line) {
    refused("settings.py", "L = [0] * 1000\n" + line + "\n", "settings.py:2:", "envshift's bound");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "A = A + A", "A = f'{A}{A}'", "A = '%s%s' % (A, A)", "A = ''.join([A, A])",
      "A = A.replace('a', 'aa')"})
  void pythonStringDoublingStopsAtTheBound(String doubling) {
    refused("settings.py", "A = 'abcdefgh'\n" + lines(40, doubling), "settings.py:", "bound");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A = [A, A]", "A = {'a': A, 'b': A}", "A = (A, A)"})
  void pythonContainersSharingThemselvesStopAtTheBound(String doubling) {
    // cheap to hold (each level shares the one below), exponential to write out or compare
    refused("settings.py", "A = []\n" + lines(60, doubling), "settings.py:", "bound");
  }

  @Test
  void aListOfReferencesToAHugeStringIsRefused() {
    String refs = IntStream.range(0, 1000).mapToObj(i -> "X").collect(Collectors.joining(", "));
    refused("settings.py", "X = 'a' * 5_000_000\nA = [" + refs + "]\n", "settings.py:2:", "bound");
  }

  @Test
  void comparingTwoHugeSharedValuesIsRefused() {
    String text = "A = []\n" + lines(60, "A = [A, A]") + "B = []\n" + lines(60, "B = [B, B]")
        .replace("A = [A, A]", "B = [B, B]") + "if A == B:\n    C = 1\n";
    assertThatThrownBy(() -> parse("settings.py", text))
        .isInstanceOf(SettingsException.class).hasMessageContaining("bound");
  }

  @Test
  void containerItemsAreComparedByIdentityFirstAsPythonDoes() {
    SettingsModule m = parse("settings.py", """
        N = float('nan')
        SAME = [N] == [N]
        OTHER = [float('nan')] == [float('nan')]
        """);
    assertThat(m.settings()).extracting(s -> s.value())
        .containsExactly(m.settings().get(0).value(), new SettingValue.Bool(true),
            new SettingValue.Bool(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A = x%s", "A = f%s", "A = x%s"})
  void longTrailerChainsAreAnErrorWithALine(String shape) {
    String chain = shape.startsWith("A = f") ? "()".repeat(20_000)
        : shape.equals("A = x%s") ? ".b".repeat(20_000) : "[0]".repeat(20_000);
    refused("settings.py", "X = 1\n" + shape.formatted(chain) + "\n", "settings.py:2:",
        "expression too long");
  }

  @Test
  void moreThanAHundredIndentationLevelsIsAnErrorAsInPython() {
    String deep = IntStream.range(0, 100).mapToObj(i -> " ".repeat(i) + "if 1:")
        .collect(Collectors.joining("\n")) + "\n" + " ".repeat(100) + "A = 1\n";
    refused("settings.py", deep, "settings.py:101:", "too many levels of indentation");
  }

  @Test
  void aLongNumberWithUnderscoresIsReadWithoutRecursion() {
    String groups = IntStream.range(0, 1000).mapToObj(i -> "1").collect(Collectors.joining("_"));
    assertThat(parse("settings.py", "A = 1_000\nF = 1e" + "9".repeat(100_000) + "\n")
        .settings()).hasSize(2);
    refused("settings.py", "A = " + groups + groups + groups + groups + groups + "\n",
        "settings.py:1:", "4300 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A = 1__0", "A = 1_", "A = 0x_", "A = 1_.5", "A = 1._5", "A = 1e_5"})
  void misplacedUnderscoresInNumbersAreSyntaxErrors(String line) {
    refused("settings.py", line + "\n", "settings.py:1:", "invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A = 0x_f", "A = 1_000.000_1e1_0", "A = 0b_1_0", "A = 0o7_7"})
  void underscoresPythonAllowsStillRead(String line) {
    assertThat(parse("settings.py", line + "\n").settings()).hasSize(1);
  }

  @Test
  void composeInterpolationNestedPastTheBoundIsAnError() {
    String nested = "${X:-".repeat(20_000) + "v" + "}".repeat(20_000);
    refused(".env", "A=" + nested + "\n", ".env:1:", "nested more than 32 deep");
    assertThat(parse(".env", "A=" + "${X:-".repeat(32) + "v" + "}".repeat(32) + "\n")
        .settings()).extracting(s -> s.value()).containsExactly(new SettingValue.Str("v"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"compose", "python"})
  void interpolationDoublingStopsAtTheBound(String dialect) {
    StringBuilder text = new StringBuilder("B0=abcdefgh\n");
    for (int i = 1; i < 60; i++) {
      text.append("B").append(i).append("=${B").append(i - 1).append("}${B").append(i - 1)
          .append("}\n");
    }
    assertThatThrownBy(() -> parse(".env", text.toString(),
        DotenvFlavor.valueOf(dialect.toUpperCase(java.util.Locale.ROOT))))
        .isInstanceOf(SettingsException.class).hasMessageContaining("envshift's bound");
  }

  @Test
  void aYamlBillionLaughsIsRefusedAtTheSettingThatPassesTheBound() {
    StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String prev = "a";
    for (String c : new String[] {"b", "c", "d", "e", "f", "g", "h", "i"}) {
      yaml.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
      prev = c;
    }
    refused("config.yml", yaml.toString(), "config.yml:7:", "YAML aliases");
  }

  @Test
  void manyAliasesOfALongScalarAreRefused() {
    StringBuilder numbered = new StringBuilder("x: &x " + "y".repeat(1_000_000) + "\n");
    for (int i = 0; i < 20; i++) {
      numbered.append("A").append(i).append(": [*x]\n");
    }
    refused("config.yml", numbered.toString(), "config.yml:11:", "YAML aliases");
  }

  @Test
  void aScalarAnchorIsReadAsPyYamlReadsIt() {
    SettingsModule m = parse("config.yml", """
        host: &host db.internal
        port: !!str &port 5432
        replica: *host
        replica_port: *port
        hosts: [&h1 "a,b", *h1]
        """);
    assertThat(m.settings()).extracting(s -> s.value()).containsExactly(
        new SettingValue.Str("db.internal"), new SettingValue.Str("5432"),
        new SettingValue.Str("db.internal"), new SettingValue.Str("5432"),
        new SettingValue.ListValue(java.util.List.of(new SettingValue.Str("a,b"),
            new SettingValue.Str("a,b")), false));
  }

  @Test
  void aScalarAnchorAfterAnEmojiIsStillFound() {
    SettingsModule m = parse("config.yml", "note: \"\uD83D\uDE00\"\nk: &k v\nl: *k\n");
    assertThat(m.settings().get(2).value()).isEqualTo(new SettingValue.Str("v"));
  }

  @Test
  void aYamlSourceLargerThanSnakeYamlsDefaultThreeMegabytesIsRead() {
    String yaml = IntStream.range(0, 300_000).mapToObj(i -> "A" + i + ": x")
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(parse("config.yml", yaml).settings()).hasSize(300_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"config.json", "config.yml"})
  void jacksonsOwnBoundsAreNamed(String file) {
    refused(file, "{\"A\": " + "[".repeat(2000) + "]".repeat(2000) + "}\n", file,
        "nested deeper than 1000 levels");
  }

  @Test
  void aDotenvOfManyLinesIsReadInLinearTime() {
    String text = IntStream.range(0, 400_000).mapToObj(i -> "A" + i + "=x")
        .collect(Collectors.joining("\n", "", "\n"));
    // quadratic, as it was, this took minutes: the build would notice
    assertThat(parse(".env", text, DotenvFlavor.PYTHON).settings()).hasSize(400_000);
  }

  @Test
  void aLongRunOfBlanksBeforeNoCommentStaysLinear() {
    String text = "A=x" + " ".repeat(2_000_000) + "y\nB=${" + "${".repeat(500_000) + "\n";
    assertThat(parse(".env", text, DotenvFlavor.PYTHON).settings()).hasSize(2);
  }

  @Test
  void aFileThatKeepsTouchingAHugeStringIsRefusedAtTheStatementPastTheWorkBound() {
    StringBuilder text = new StringBuilder("S = 'a' * 5_000_000\n");
    for (int i = 0; i < 1000; i++) {
      text.append("A").append(i).append(" = S.count('b')\n");
    }
    refused("settings.py", text.toString(), "settings.py:100:", "takes more work to compute");
  }

  @Test
  void anOrdinaryFileSpendsFarLessThanTheWorkBound() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("A").append(i).append(" = [x.upper() for x in 'abc'.split('b')] + ['")
          .append("y".repeat(100)).append("']\n");
    }
    assertThat(parse("settings.py", text.toString()).settings()).hasSize(20_000);
  }
}
