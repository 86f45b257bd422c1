package envshift.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotenvSourceParserTest {
  private static String golden(String text) {
    // the compose dialect named: these are its rules, without the cross-check's warnings
    return Golden.render(DotenvSourceParser.parse(text, "configs/.env.staging",
        java.util.Optional.of(DotenvFlavor.COMPOSE)));
  }

  @Test
  void perEnvironmentDotenvFileParsesWhole() {
    SettingsModule m = DotenvSourceParser.parse("""
        APP_NAME=asset-dashboard
        DOMAIN=asset-dashboard.example.org
        DJANGO_SECRET_KEY=example-secret
        DJANGO_DEBUG=False
        DJANGO_ALLOWED_HOSTS=asset-dashboard.example.org
        DATABASE_URL=postgis://datamade:not-a-real-pw@localhost:5432/asset_dashboard
        SENTRY_DSN=https://0123abcd@sentry.example.com/9
        """, "configs/.env.staging");

    assertThat(m.format()).isEqualTo(SettingsFormat.DOTENV);
    assertThat(Golden.render(m)).isEqualTo("""
        1 APP_NAME = 'asset-dashboard'
        2 DOMAIN = 'asset-dashboard.example.org'
        3 DJANGO_SECRET_KEY = 'example-secret'
        4 DJANGO_DEBUG = 'False'
        5 DJANGO_ALLOWED_HOSTS = 'asset-dashboard.example.org'
        6 DATABASE_URL = 'postgis://datamade:not-a-real-pw@localhost:5432/asset_dashboard'
        7 SENTRY_DSN = 'https://0123abcd@sentry.example.com/9'""");
  }

  @Test
  void shellConfigWithExportIsAccepted() {
    assertThat(Golden.render(DotenvSourceParser.parse("""
        #!/bin/bash
        APP_NAME=just-spaces
        export DOMAIN=justspaces.example.org
        export\tDEBUG=0
        """, "configs/staging-config.conf"))).isEqualTo("""
        2 APP_NAME = 'just-spaces'
        3 DOMAIN = 'justspaces.example.org'
        4 DEBUG = '0'""");
  }

  @Test
  void quotingCommentsAndWhitespaceFollowDockerCompose() {
    assertThat(golden("""
        # a comment

          INDENTED=yes
        SPACED = around equals
        INLINE=value # a comment
        HASH=a#b
        EMPTY=
        EMPTY_QUOTED=""
        SINGLE='literal $HOME \\n # not a comment'
        DOUBLE="tab\\there \\"quoted\\" back\\\\slash # kept"
        PEM="-----BEGIN KEY-----
        abc
        -----END KEY-----"
        TRAILING="x"   # comment after the quote
        YAML_STYLE: value
        """)).isEqualTo("""
        3 INDENTED = 'yes'
        4 SPACED = 'around equals'
        5 INLINE = 'value'
        6 HASH = 'a#b'
        7 EMPTY = ''
        8 EMPTY_QUOTED = ''
        9 SINGLE = 'literal $HOME \\\\n # not a comment'
        10 DOUBLE = 'tab\\there "quoted" back\\\\slash # kept'
        11 PEM = '-----BEGIN KEY-----\\nabc\\n-----END KEY-----'
        14 TRAILING = 'x'
        15 YAML_STYLE = 'value'""");
  }

  @Test
  void interpolationUsesOnlyKeysDefinedEarlierInTheFile() {
    assertThat(golden("""
        HOST=db.example.org
        URL=postgres://${HOST}:5432/app
        BARE=$HOST/x
        QUOTED="at $HOST"
        LITERAL='at $HOST'
        DOLLARS=pa$$word
        ESCAPED="pa\\$word"
        FALLBACK=${PORT:-5432}
        SET=${HOST:+yes}
        HOME_DIR=$HOME/app
        LATER=$DEFINED_AFTER
        DEFINED_AFTER=1
        """)).isEqualTo("""
        1 HOST = 'db.example.org'
        2 URL = 'postgres://db.example.org:5432/app'
        3 BARE = 'db.example.org/x'
        4 QUOTED = 'at db.example.org'
        5 LITERAL = 'at $HOST'
        6 DOLLARS = 'pa$word'
        7 ESCAPED = 'pa$word'
        8 FALLBACK = '5432'
        9 SET = 'yes'
        10 HOME_DIR = '/app'
        11 LATER = ''
        12 DEFINED_AFTER = '1'
        warning configs/.env.staging:10: HOME_DIR: refers to HOME, which is not defined \
        earlier in the file: it reads as empty
        warning configs/.env.staging:11: LATER: refers to DEFINED_AFTER, which is not defined \
        earlier in the file: it reads as empty""");
  }

  @Test
  void duplicateKeysKeepTheFirstPositionAndTheLastValueWithAWarning() {
    assertThat(golden("""
        A=first
        B=b
        A=second
        """)).isEqualTo("""
        3 A = 'second'
        2 B = 'b'
        warning configs/.env.staging:3: A: defined again (first at line 1): the last value wins""");
  }

  @Test
  void aStrayDollarAndAKeyWithoutValueAreWarnedAbout() {
    assertThat(golden("""
        PRICE=5$
        INHERITED
        """)).isEqualTo("""
        1 PRICE = '5$'
        warning configs/.env.staging:1: PRICE: has a '$' that starts no variable: kept as it is \
        (docker compose would refuse it)
        warning configs/.env.staging:2: INHERITED: has no '=' (its value would come from the \
        environment): skipped""");
  }

  @Test
  void processEnvironmentIsNeverRead() {
    String path = System.getenv("PATH");

    SettingsModule m = DotenvSourceParser.parse("P=$PATH\nQ=${PATH:-unset}\n", ".env");

    assertThat(path).isNotEmpty();
    assertThat(Golden.render(m)).startsWith("1 P = ''\n2 Q = 'unset'");
  }

  @Test
  void crlfAndBomAreAccepted() {
    assertThat(golden("\uFEFFA=1\r\nB=\"x\r\ny\"\r\n")).isEqualTo("1 A = '1'\n2 B = 'x\\ny'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      A=1\\nB="canary\\nC=2              | 2 | B: unterminated quoted value
      A=${canary                        | 1 | A: invalid variable reference
      A=${1canary}                      | 1 | A: invalid variable reference
      A=${canary:}                      | 1 | A: invalid variable reference
      A=${B:?canary}                    | 1 | A: requires B, which is not set
      """)
  void malformedLinesAreErrorsWithTheirLine(String text, int line, String what) {
    String source = text.replace("\\n", "\n");

    assertThatThrownBy(() -> DotenvSourceParser.parse(source, "configs/.env"))
        .isInstanceOf(SettingsException.class)
        .hasMessage("configs/.env:" + line + ": " + what)
        .hasMessageNotContaining("canary");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      A=1\\nKEY WITH SPACE=canary        | 2
      A=1\\n=canary                      | 2
      A=1\\nB="canary" or "other"        | 2
      A=1\\nsource activate.sh           | 2
      A=1\\n"canary" or "other"          | 2
      """)
  void aLineThatIsNotAnAssignmentIsSkippedWithAWarningNamingFileAndLine(String text, int line) {
    String source = text.replace("\\n", "\n") + "\nZ=2\n";

    for (DotenvFlavor dialect : DotenvFlavor.values()) {
      SettingsModule m =
          DotenvSourceParser.parse(source, "configs/.env", java.util.Optional.of(dialect));

      assertThat(m.settings()).as(dialect.name()).extracting(Setting::name)
          .containsExactly("A", "Z");
      assertThat(m.warnings()).as(dialect.name()).extracting(ParseWarning::toString)
          .containsExactly("configs/.env:" + line + ": not a KEY=value assignment (a shell "
              + "command, or text after a quoted value): skipped");
    }
  }

  @Test
  void aBlankValueThenACommentIsWarnedAboutInBothDialects() {
    for (DotenvFlavor dialect : DotenvFlavor.values()) {
      SettingsModule m = DotenvSourceParser.parse("A=x\nNOTE=   # canary\n", "configs/.env",
          java.util.Optional.of(dialect));

      assertThat(m.warnings()).as(dialect.name()).extracting(ParseWarning::toString)
          .containsExactly("configs/.env:2: NOTE: blank value then a '#' comment: dotenv "
              + "readers disagree (the comment text, or empty); write KEY=\"\" or quote it");
    }
  }

  @Test
  void eachDialectReadsDollarsItsOwnWay() {
    String text = "A=x\nB=p$$w${A}rd$A\nC='lit${A}'\n";

    assertThat(Golden.render(DotenvSourceParser.parse(text, ".env",
        java.util.Optional.of(DotenvFlavor.COMPOSE)))).isEqualTo("""
        1 A = 'x'
        2 B = 'p$wxrdx'
        3 C = 'lit${A}'""");
    assertThat(Golden.render(DotenvSourceParser.parse(text, ".env",
        java.util.Optional.of(DotenvFlavor.PYTHON)))).isEqualTo("""
        1 A = 'x'
        2 B = 'p$$wxrd$A'
        3 C = 'litx'""");
  }

  @Test
  void withoutANamedDialectEachVariableTheDialectsReadDifferentlyIsAWarning() {
    SettingsModule m = DotenvSourceParser.parse(
        "A=x\nSAME=\"plain\"\nB=p$$w${A}rd$A\nC='lit${A}'\n", "configs/.env");

    assertThat(m.warnings()).extracting(ParseWarning::toString).containsExactly(
        "configs/.env:3: B: the dotenv dialects disagree (python-dotenv reads another value); "
            + "read with the compose dialect (name the dialect in envshift.yml: "
            + "{file: configs/.env, dialect: compose | python})",
        "configs/.env:4: C: the dotenv dialects disagree (python-dotenv reads another value); "
            + "read with the compose dialect (name the dialect in envshift.yml: "
            + "{file: configs/.env, dialect: compose | python})");
  }

  @Test
  void aNamedDialectIsTheUsersDecisionSoNoDifferenceIsWarnedAbout() {
    SettingsModule m = DotenvSourceParser.parse("A=x\nB=p$$w${A}rd$A\n", "configs/.env",
        java.util.Optional.of(DotenvFlavor.PYTHON));

    assertThat(m.warnings()).isEmpty();
    assertThat(m.settings().get(1).value()).isEqualTo(new SettingValue.Str("p$$wxrd$A"));
  }
}
