package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift drift} across apps on the fake Platform API: findings, rules, output, exits. */
@ExtendWith(FakeHerokuExtension.class)
class DriftCommandTest {
  private static final String MANIFEST = """
      version: 1
      environments:
        staging:
          sources: [staging.env]
          heroku: {app: payroll-staging}
        production:
          sources: [production.env]
          heroku: {app: payroll-production}
      same: [TIME_ZONE]
      env_specific: [STAGING_BANNER]
      """;

  @TempDir Path home;
  @TempDir Path repo;
  private FakeHeroku heroku;

  @BeforeEach
  void start(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    Files.writeString(repo.resolve("envshift.yml"), MANIFEST);
    Files.writeString(repo.resolve("staging.env"), "DEBUG=True\n");
    Files.writeString(repo.resolve("production.env"), "DEBUG=False\n");
  }

  /** One variable per kind of finding, and ones that must not be findings. */
  private void plantDrift() {
    heroku.setConfig("payroll-staging", config("DEBUG", "True",
        "DB_PASSWORD", "hunter2-" + Cli.CANARY, "FEATURE_X", "on", "TIME_ZONE", "UTC",
        "STAGING_BANNER", "yes", "REDIS_URL", "redis://:pw-" + Cli.CANARY + "@r:6379/0"));
    heroku.setConfig("payroll-production", config("DEBUG", "False",
        "DB_PASSWORD", "hunter2-" + Cli.CANARY, "TIME_ZONE", "Europe/Paris",
        "REDIS_URL", "redis://:pw-" + Cli.CANARY + "@r:6379/0"));
    for (String app : new String[] {"payroll-staging", "payroll-production"}) {
      heroku.attachAddon(app, "postgresql-" + app,
          Map.of("DATABASE_URL", "postgres://u:" + Cli.CANARY + "@db/x"));
    }
  }

  @Test
  void plantedDriftOfEachKindIsReportedInTheExactJsonContract() {
    plantDrift();

    Cli.Result r = cli().cwd(repo).run("drift", "--json", "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("{\"environments\":[\"staging\",\"production\"],\"findings\":["
        + "{\"name\":\"DB_PASSWORD\",\"kind\":\"same-secret\","
        + "\"envs\":[\"staging\",\"production\"]},"
        + "{\"name\":\"FEATURE_X\",\"kind\":\"missing\",\"envs\":[\"production\"]},"
        + "{\"name\":\"REDIS_URL\",\"kind\":\"same-secret\",\"envs\":[\"staging\",\"production\"]},"
        + "{\"name\":\"TIME_ZONE\",\"kind\":\"must-match\",\"envs\":[\"staging\",\"production\"]}],"
        + "\"addon_owned\":["
        + "{\"name\":\"DATABASE_URL\",\"addon\":\"postgresql-payroll-production\","
        + "\"envs\":[\"production\"]},"
        + "{\"name\":\"DATABASE_URL\",\"addon\":\"postgresql-payroll-staging\","
        + "\"envs\":[\"staging\"]}]}\n");
  }

  @Test
  void appsUseTheManifestRulesWhenRunInTheRepo() {
    plantDrift();

    Cli.Result r = cli().cwd(repo).run("drift", "--app", "payroll-staging",
        "--app", "payroll-production", "--json", "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).contains(
        "{\"name\":\"TIME_ZONE\",\"kind\":\"must-match\","
            + "\"envs\":[\"payroll-staging\",\"payroll-production\"]}")
        .doesNotContain("STAGING_BANNER");
  }

  @Test
  void appsWithoutAManifestUseTheDefaultRules(@TempDir Path elsewhere) {
    plantDrift();

    Cli.Result r = cli().cwd(elsewhere).run("drift", "--app", "payroll-staging",
        "--app", "payroll-production", "--json", "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).doesNotContain("must-match").contains(
        "{\"name\":\"STAGING_BANNER\",\"kind\":\"missing\",\"envs\":[\"payroll-production\"]}");
  }

  @Test
  void aStagingPasswordEqualToProductionsIsASameSecret() {
    heroku.setConfig("payroll-staging", config("EMAIL_HOST_PASSWORD", "shared", "DEBUG", "a"));
    heroku.setConfig("payroll-production", config("EMAIL_HOST_PASSWORD", "shared", "DEBUG", "b"));

    Cli.Result r = cli().run("drift", "--app", "payroll-staging", "--app", "payroll-production",
        "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).endsWith("1 finding:\n"
        + "  same-secret  EMAIL_HOST_PASSWORD: same value in payroll-staging, "
        + "payroll-production\n");
  }

  @Test
  void differingValuesAndAddonVarsAreShownButAreNoFindings() {
    heroku.setConfig("payroll-staging", config("DEBUG", "True", "SECRET_KEY", "a"));
    heroku.setConfig("payroll-production", config("DEBUG", "False", "SECRET_KEY", "b"));
    heroku.attachAddon("payroll-staging", "redis-1", Map.of("REDIS_URL", "redis://:x@h:1"));
    heroku.attachAddon("payroll-production", "redis-1", Map.of("REDIS_URL", "redis://:x@h:1"));

    Cli.Result r = cli().cwd(repo).run("drift", "--api-url", heroku.url());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("""
        name        staging  production  values
        DEBUG       ✓        ✓           differs
        SECRET_KEY  ✓        ✓           differs

        Add-on owned (not compared):
          REDIS_URL  redis-1  staging, production

        No findings.
        """);
  }

  @Test
  void markdownIsForAPullRequestComment() {
    plantDrift();

    Cli.Result r = cli().cwd(repo).run("drift", "--markdown", "--api-url", heroku.url());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).startsWith("### envshift drift\n\n| Variable | staging | production |")
        .contains("- **must-match** `TIME_ZONE`: must match but differs in staging, production");
  }

  @Test
  void noValueAppearsInAnyOutputEvenWithDebug() {
    plantDrift();
    for (String format : new String[] {"--json", "--markdown", "--debug"}) {
      Cli.Result r = cli().cwd(repo).run("drift", format, "--api-url", heroku.url());

      assertThat(r.code()).as(format + ": " + r.err()).isEqualTo(2);
      assertThat(r.both()).as(format).doesNotContain(Cli.CANARY).doesNotContain("hunter2")
          .doesNotContain("\u001b[");
    }
  }

  @Test
  void aWrongTokenExitsOneWithOneLine() {
    Cli.Result r = new Cli(home).env("HEROKU_API_KEY", "HRKU-wrong-" + Cli.CANARY)
        .run("drift", "--app", "payroll-staging", "--app", "payroll-production",
            "--api-url", heroku.url());

    assertThat(r.code()).isOne();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("envshift: heroku: the API token was rejected (401 "
        + "unauthorized): check HEROKU_API_KEY or ~/.netrc\n");
  }

  @Test
  void anUnknownAppExitsOneNamingIt() {
    Cli.Result r = cli().run("drift", "--app", "payroll-staging", "--app", "payroll-gone",
        "--api-url", heroku.url());

    assertThat(r.code()).isOne();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("payroll-gone").hasLineCount(1);
  }

  @Test
  void conflictingOrIncompleteOptionsAreUsageErrorsBeforeAnyRequest() {
    String[][] misuses = {
        {"--env", "staging", "--app", "payroll-staging"},
        {"--app", "a", "--app", "b", "--pipeline", "p"},
        {"--app", "a", "--app", "b", "--against-source"},
        {"--app", "a", "--app", "b", "--include-review"},
        {"--app", "a", "--app", "b", "--json", "--markdown"},
        {"--app", "a"},
        {"--env", "staging"},
        {"--app", "a", "--app", "a"},
    };
    for (String[] misuse : misuses) {
      String[] args = new String[misuse.length + 3];
      args[0] = "drift";
      System.arraycopy(misuse, 0, args, 1, misuse.length);
      args[misuse.length + 1] = "--api-url";
      args[misuse.length + 2] = heroku.url();

      Cli.Result r = cli().cwd(repo).run(args);

      assertThat(r.code()).as(String.join(" ", misuse)).isEqualTo(64);
      assertThat(r.err()).as(String.join(" ", misuse)).startsWith("envshift: drift: ");
    }
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void driftReadsSixteenAppsAtOnceByDefault() {
    Cli.Result r = cli().run("drift", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Apps handled at once (default: 16)");
  }

  private Cli cli() {
    return new Cli(home).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN);
  }

  static Map<String, String> config(String... pairs) {
    Map<String, String> config = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      config.put(pairs[i], pairs[i + 1]);
    }
    return config;
  }
}
