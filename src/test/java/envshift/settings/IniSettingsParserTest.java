package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniSettingsParserTest {
  @Test
  void sectionAndKeyMakeTheSettingName() {
    SettingsModule m = IniSettingsParser.parse("""
        ; sentry.ini
        [DEFAULT]
        debug = false

        [sentry]
        dsn = https://0123abcd@sentry.example.com/3
        # a comment
        environment: staging

        [alembic]
        sqlalchemy.url = postgresql://u:%(password)s@db/app
        script_location=migrations
        """, "configs/sentry.ini");

    assertThat(m.format()).isEqualTo(SettingsFormat.INI);
    assertThat(Golden.render(m)).isEqualTo("""
        3 DEBUG = 'false'
        6 SENTRY_DSN = 'https://0123abcd@sentry.example.com/3'
        8 SENTRY_ENVIRONMENT = 'staging'
        11 ALEMBIC_SQLALCHEMY_URL = 'postgresql://u:%(password)s@db/app'
        12 ALEMBIC_SCRIPT_LOCATION = 'migrations'
        warning configs/sentry.ini:11: ALEMBIC_SQLALCHEMY_URL: contains %(...)s interpolation: \
        kept as written""");
  }

  @Test
  void indentedLinesContinueTheValueAsConfigparserReadsThem() {
    assertThat(Golden.render(IniSettingsParser.parse("""
        [app]
        hosts = a
          b

          ; comment inside
          c
        empty =
        next = x
        """, "c.ini"))).isEqualTo("""
        2 APP_HOSTS = 'a\\nb\\n\\nc'
        7 APP_EMPTY = ''
        8 APP_NEXT = 'x'""");
  }

  @Test
  void duplicatesKeepTheLastValueWithAWarning() {
    assertThat(Golden.render(IniSettingsParser.parse("[a]\nk = 1\n[a]\nk = 2\n", "c.ini")))
        .isEqualTo("4 A_K = '2'\nwarning c.ini:4: A_K: defined again (first at line 2): "
            + "the last value wins");
  }

  @Test
  void malformedLinesAreErrorsWithTheirLine() {
    assertThatThrownBy(() -> IniSettingsParser.parse("key = canary\n", "c.ini"))
        .hasMessage("c.ini:1: a key outside any [section]");
    assertThatThrownBy(() -> IniSettingsParser.parse("[a]\nx = 1\ncanary\n", "c.ini"))
        .hasMessage("c.ini:3: expected '[section]' or 'key = value'");
    assertThatThrownBy(() -> IniSettingsParser.parse("[a]\n= canary\n", "c.ini"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("c.ini:2: missing key name");
  }
}
