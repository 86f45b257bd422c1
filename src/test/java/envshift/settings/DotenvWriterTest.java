package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DotenvWriterTest {
  private static final String PEM = """
      -----BEGIN RSA PRIVATE KEY-----
      MIIEpAIBAAKCAQEAexample+/=
      bm90LWEtcmVhbC1rZXk=
      -----END RSA PRIVATE KEY-----""";

  /** The 83-case matrix's values, and a few more. */
  static Map<String, String> matrix() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("SIMPLE", "abc123");
    m.put("SPACE", "hello world");
    m.put("EQUALS", "a=b=c");
    m.put("UNICODE", "café 😀 中文");
    m.put("BACKTICKS", "`cmd` and $(cmd)");
    m.put("URL", "postgres://u:p%40ss@db:5432/app?sslmode=require");
    m.put("SPACED_HASH", "a # b");
    m.put("HASH", "a#b");
    m.put("LEADING_HASH", "#hash");
    m.put("APOSTROPHE", "it's");
    m.put("QUOTES", "say \"hi\"");
    m.put("JSON", "{\"type\": \"service_account\", \"n\": [1, 2], \"k\": \"a\\nb\"}");
    m.put("DOLLARS", "pa$$word");
    m.put("DOLLAR_VAR", "$HOME/x");
    m.put("WINDOWS_PATH", "C:\\new\\table");
    m.put("TRAILING_BACKSLASH", "abc\\");
    m.put("PEM", PEM);
    m.put("PEM_NEWLINE", PEM + "\n");
    m.put("PADDED", "  padded  ");
    m.put("EMPTY", "");
    m.put("TAB", "a\tb");
    m.put("CR", "a\rb");
    m.put("CRLF", "line1\r\nline2");
    m.put("SINGLE_AND_DOUBLE", "it's \"quoted\" $5");
    m.put("BACKSLASH_QUOTE", "\\\"");
    m.put("MULTILINE_HASH", "line1\n# not a comment\nline3");
    return m;
  }

  private static Map<String, Secret> secrets(Map<String, String> values) {
    Map<String, Secret> m = new LinkedHashMap<>();
    values.forEach((k, v) -> m.put(k, Secret.of(v)));
    return m;
  }

  /** The matrix less what the flavor refuses (tested below): ${ for python-dotenv. */
  private static Map<String, String> expressible(DotenvFlavor flavor) {
    Map<String, String> m = new LinkedHashMap<>(matrix());
    if (flavor == DotenvFlavor.COMPOSE) {
      m.put("BRACED", "${HOME}");
      m.put("ESCAPED_BRACED", "\\${HOME}");
    }
    return m;
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void everyMatrixValueReadsBackByteForByte(DotenvFlavor flavor) {
    Map<String, String> values = expressible(flavor);

    String text = DotenvWriter.write(secrets(values), flavor);

    assertThat(DotenvReader.read(text, flavor, ".env")).containsExactlyEntriesOf(values);
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void eachValueAloneReadsBackByteForByte(DotenvFlavor flavor) {
    expressible(flavor).forEach((name, value) -> {
      String text = DotenvWriter.write(Map.of(name, Secret.of(value)), flavor);
      assertThat(DotenvReader.read(text, flavor, ".env").get(name)).as(name).isEqualTo(value);
    });
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void writingWhatWasReadGivesTheSameBytes(DotenvFlavor flavor) {
    String first = DotenvWriter.write(secrets(expressible(flavor)), flavor);

    Map<String, String> read = DotenvReader.read(first, flavor, ".env");
    String second = DotenvWriter.write(secrets(read), flavor);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void composeOutputIsGolden() {
    String text = DotenvWriter.write(secrets(Map.of(
        "A_PLAIN", "x y # z",
        "B_DOLLAR", "pa$$word",
        "C_MIXED", "it's \"q\" $5 \\ end",
        "D_EMPTY", "",
        "E_PEM", "-----BEGIN-----\nabc\n-----END-----")).entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
            LinkedHashMap::new)), DotenvFlavor.COMPOSE);

    assertThat(text).isEqualTo("""
        A_PLAIN="x y # z"
        B_DOLLAR='pa$$word'
        C_MIXED="it's \\"q\\" $$5 \\\\ end"
        D_EMPTY=""
        E_PEM="-----BEGIN-----
        abc
        -----END-----"
        """);
  }

  @Test
  void pythonOutputIsGolden() {
    Map<String, Secret> vars = new LinkedHashMap<>();
    vars.put("A_PLAIN", Secret.of("x y # z"));
    vars.put("B_DOLLAR", Secret.of("pa$$word"));
    vars.put("C_MIXED", Secret.of("it's \"q\" $5 \\ end\ttab"));
    vars.put("D_TRAILING", Secret.of("C:\\dir\\"));

    assertThat(DotenvWriter.write(vars, DotenvFlavor.PYTHON)).isEqualTo("""
        A_PLAIN="x y # z"
        B_DOLLAR="pa$$word"
        C_MIXED="it's \\"q\\" $5 \\\\ end\\ttab"
        D_TRAILING=C:\\dir\\
        """);
  }

  @Test
  void valuesWithoutQuotesBackslashesDollarsOrCrAreWrittenTheSameForEveryFlavor() {
    Map<String, Secret> universal = new LinkedHashMap<>();
    matrix().forEach((k, v) -> {
      if (DotenvWriter.isUniversal(v)) {
        universal.put(k, Secret.of(v));
      }
    });

    assertThat(universal).containsKeys("PEM", "PADDED", "SPACED_HASH", "EMPTY", "TAB", "UNICODE",
        "MULTILINE_HASH");
    assertThat(DotenvWriter.write(universal, DotenvFlavor.PYTHON))
        .isEqualTo(DotenvWriter.write(universal, DotenvFlavor.COMPOSE))
        .startsWith("SIMPLE=\"abc123\"\n");
  }

  @Test
  void dotenvJavaReadsTheUniversalFormIdentically(@TempDir Path dir) throws IOException {
    Map<String, String> universal = new LinkedHashMap<>();
    matrix().forEach((k, v) -> {
      if (DotenvWriter.isUniversal(v)) {
        universal.put("ENVSHIFT_TEST_" + k, v);
      }
    });
    Files.writeString(dir.resolve(".env"),
        "BEFORE=ok\n" + DotenvWriter.write(secrets(universal), DotenvFlavor.COMPOSE)
            + "AFTER=ok\n", StandardCharsets.UTF_8);

    Map<String, String> read = Dotenv.configure().directory(dir.toString()).filename(".env")
        .load().entries(Dotenv.Filter.DECLARED_IN_ENV_FILE).stream()
        .collect(Collectors.toMap(DotenvEntry::getKey, DotenvEntry::getValue));

    assertThat(read).containsAllEntriesOf(universal).containsEntry("BEFORE", "ok")
        .containsEntry("AFTER", "ok").hasSize(universal.size() + 2);
  }

  @Test
  void pythonRefusesAnInterpolationItCannotEscapeNamingOnlyTheVariable() {
    Map<String, Secret> vars = Map.of("DJANGO_SECRET_KEY", Secret.of("canary${HOME}"));

    assertThatThrownBy(() -> DotenvWriter.write(vars, DotenvFlavor.PYTHON))
        .isInstanceOf(SettingsException.class)
        .hasMessage("DJANGO_SECRET_KEY: contains \"${\", which python-dotenv always expands; it "
            + "cannot be written to the .env")
        .hasMessageNotContaining("canary");
    assertThat(DotenvReader.read(DotenvWriter.write(vars, DotenvFlavor.COMPOSE),
        DotenvFlavor.COMPOSE, ".env")).containsEntry("DJANGO_SECRET_KEY", "canary${HOME}");
  }

  @Test
  void pythonRefusesATrailingBackslashThatCannotStandUnquoted() {
    Map<String, Secret> vars = Map.of("WIN_PATH", Secret.of("  canary \\"));

    assertThatThrownBy(() -> DotenvWriter.write(vars, DotenvFlavor.PYTHON))
        .hasMessageStartingWith("WIN_PATH: ends with a backslash")
        .hasMessageNotContaining("canary");
  }

  @ParameterizedTest
  @EnumSource(DotenvFlavor.class)
  void valuesNoEnvironmentCanHoldAreRefused(DotenvFlavor flavor) {
    assertThatThrownBy(() -> DotenvWriter.write(Map.of("NUL", Secret.of("canary\0x")), flavor))
        .hasMessage("NUL: contains a NUL character, which no environment variable can hold; it "
            + "cannot be written to the .env");
    assertThatThrownBy(() -> DotenvWriter.write(Map.of("HALF", Secret.of("canary\uD800")), flavor))
        .hasMessage("HALF: is not valid Unicode text; it cannot be written to the .env");
    assertThatThrownBy(() -> DotenvWriter.write(Map.of("BAD-NAME", Secret.of("canary")), flavor))
        .hasMessage("variable name BAD-NAME is not [A-Za-z_][A-Za-z0-9_]*");
  }

  @Test
  void outputIsLfOnlyWithoutExportOrComments() {
    String text = DotenvWriter.write(secrets(matrix()), DotenvFlavor.COMPOSE);

    assertThat(text).doesNotContain("\r").doesNotContain("export ").endsWith("\n");
    assertThat(Stream.of(text.split("\n")).filter(l -> l.matches("[A-Z_]+=.*")))
        .hasSize(matrix().size());
    assertThat(DotenvWriter.write(Map.of(), DotenvFlavor.COMPOSE)).isEmpty();
  }
}
