package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTextTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "configs/.env.gpg",
        ".env",
        "configs/local_settings.py.production",
        "deploy@example.org",
        "heroku-prod",
        "a+b"
      })
  void ordinaryPathsStayPlain(String value) {
    assertThat(YamlText.scalar(value)).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "on",
        "OFF",
        "true",
        "null",
        "~",
        "1",
        "1.5",
        "0x1F",
        ".inf",
        "2019-04-03",
        "",
        "-x",
        "a b",
        "a,b",
        "a: b",
        "#x",
        "[x]",
        "{x}",
        "*x",
        "&x",
        "!x",
        "|",
        ">",
        "'x",
        "%x",
        "@x",
        "`x"
      })
  void valuesYamlWouldMisreadAreQuoted(String value) {
    assertThat(YamlText.scalar(value)).startsWith("\"").endsWith("\"");
  }

  @Test
  void quotedValuesEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(YamlText.scalar("a \"b\" \\c\n\t")).isEqualTo("\"a \\\"b\\\" \\\\c\\u000A\\u0009\"");
  }

  @Test
  void flowSequencesQuoteEachItemAsNeeded() {
    assertThat(YamlText.flow(List.of("a.py", "b c.py", "yes")))
        .isEqualTo("[a.py, \"b c.py\", \"yes\"]");
    assertThat(YamlText.flow(List.of())).isEqualTo("[]");
  }
}
