package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlSettingsParserTest {
  @Test
  void topLevelKeysBecomeSettingsWithTypedValues() {
    SettingsModule m = YamlSettingsParser.parse("""
        # comment
        SECRET_KEY: example-secret
        DEBUG: false
        PORT: 5432
        QUOTED_PORT: "5432"
        RATIO: 1.5
        EMPTY: ~
        HOSTS:
          - localhost
          - .example.org
        DATABASE:
          name: app
          options: {ssl: yes}
        PEM: |
          line one
          line two
        INFINITY: .inf
        """, "configs/settings.yml");

    assertThat(m.format()).isEqualTo(SettingsFormat.YAML);
    assertThat(Golden.render(m)).isEqualTo("""
        2 SECRET_KEY = 'example-secret'
        3 DEBUG = False
        4 PORT = 5432
        5 QUOTED_PORT = '5432'
        6 RATIO = 1.5
        7 EMPTY = None
        8 HOSTS = ['localhost', '.example.org']
        11 DATABASE = {'name': 'app', 'options': {'ssl': True}}
        14 PEM = 'line one\\nline two\\n'
        17 INFINITY = inf""");
  }

  @Test
  void anchorsAliasesAndMergeKeysResolveLikePyYaml() {
    assertThat(Golden.render(YamlSettingsParser.parse("""
        BASE: &base
          host: db
          port: 5432
        COPY: *base
        PROD:
          <<: *base
          port: 6432
        """, "c.yml"))).isEqualTo("""
        1 BASE = {'host': 'db', 'port': 5432}
        4 COPY = {'host': 'db', 'port': 5432}
        5 PROD = {'host': 'db', 'port': 6432}""");
  }

  @ParameterizedTest(name = "[{index}] line {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      - canary                        | 1 | the top level must be a mapping
      ''                              | 1 | the top level must be a mapping
      a: 1\\n---\\nb: canary          | 3 | more than one YAML document
      a: [canary\\nb: 2               | 2 | invalid YAML
      a: *canary                      | 1 | an alias refers to an unknown anchor
      """)
  void invalidYamlNamesTheLineButNeverTheContent(String text, int line, String what) {
    assertThatThrownBy(() -> YamlSettingsParser.parse(text.replace("\\n", "\n"), "c.yml"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("c.yml:" + line + ": " + what)
        .hasNoCause();
  }
}
