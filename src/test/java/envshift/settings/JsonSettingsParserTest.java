package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonSettingsParserTest {
  @Test
  void serviceAccountKeyGivesOneSettingPerTopLevelKeyWithItsLine() {
    SettingsModule m = JsonSettingsParser.parse("""
        {
          "type": "service_account",
          "project_id": "example-project",
          "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n",
          "client_email": "svc@example-project.iam.gserviceaccount.com",
          "port": 443,
          "ratio": 0.25,
          "big": 123456789012345678901234567890,
          "enabled": true,
          "nothing": null,
          "scopes": ["a", "b"],
          "nested": {"x": {"y": [1, 2.5, false]}}
        }
        """, "configs/lametro_service_acct_key.json");

    assertThat(m.format()).isEqualTo(SettingsFormat.JSON);
    assertThat(Golden.render(m)).isEqualTo("""
        2 type = 'service_account'
        3 project_id = 'example-project'
        4 private_key = '-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\\n'
        5 client_email = 'svc@example-project.iam.gserviceaccount.com'
        6 port = 443
        7 ratio = 0.25
        8 big = 123456789012345678901234567890
        9 enabled = True
        10 nothing = None
        11 scopes = ['a', 'b']
        12 nested = {'x': {'y': [1, 2.5, False]}}""");
    assertThat(m.settings().get(6).value())
        .isEqualTo(new SettingValue.Int(new BigInteger("123456789012345678901234567890")));
  }

  @Test
  void duplicateTopLevelKeysKeepTheLastValueWithAWarning() {
    assertThat(Golden.render(JsonSettingsParser.parse("{\"a\": 1,\n\"a\": 2}", "c.json")))
        .isEqualTo("2 a = 2\nwarning c.json:2: a: defined again (first at line 1): "
            + "the last value wins");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ["canary"]                     | 1 | the top level must be an object
      "canary"                       | 1 | the top level must be an object
      {"a": 1}\\n{"b": "canary"}     | 2 | unexpected content after the top-level object
      {"a": canary}                  | 1 | invalid JSON: unexpected character
      {"a": "canary"\\n              | 2 | unexpected end of JSON input
      {\\n"a": 'canary'}             | 2 | invalid JSON: unexpected character
      {"a": 01234}                   | 1 | invalid JSON: bad number
      """)
  void invalidJsonNamesTheLineButNeverTheContent(String text, int line, String what) {
    assertThatThrownBy(() -> JsonSettingsParser.parse(text.replace("\\n", "\n"), "c.json"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("c.json:" + line + ": " + what)
        .hasNoCause();
  }
}
