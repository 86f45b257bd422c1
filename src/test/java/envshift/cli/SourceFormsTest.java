package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The source forms of envshift.yml end to end: a whole file as one variable (byte for byte through
 * {@code show --json} and {@code apply}), files with unusual names, and {@code --strict} failing
 * on each kind of warning. Fixtures are written here, invented for these tests.
 */
@ExtendWith(FakeHerokuExtension.class)
class SourceFormsTest {
  private static final String APP = "forms-production";
  /** A service-account-shaped JSON with what breaks naive readers: CRLF, $, quotes, \, no EOL. */
  private static final String CREDENTIALS = "\uFEFF{\r\n  \"type\": \"service_account\",\r\n"
      + "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nTEST-ONLY$x${y}\\n-----END PRIVATE"
      + " KEY-----\\n\",\r\n  \"note\": \"it's \\\"quoted\\\" # not a comment\"\r\n}";

  @TempDir Path home;
  private PushWorld world;
  private Path repo;

  @BeforeEach
  void start(FakeHeroku heroku) throws IOException {
    world = new PushWorld(home, heroku);
    repo = Files.createDirectories(home.resolve("repo/configs"));
    Files.write(repo.resolve("google-credentials.json"),
        CREDENTIALS.getBytes(StandardCharsets.UTF_8));
    Files.writeString(repo.resolve("production.env"), "DEBUG=False\n");
    repo = repo.getParent();
  }

  private void manifest(String sources) throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), "version: 1\nrecipients: [deploy@example.org]\n"
        + "environments:\n  production:\n    sources:\n" + sources
        + "    heroku: {app: " + APP + "}\n");
  }

  /** {@code show} takes no API URL; its output is checked for the canary and the token too. */
  private Cli.Result show(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "show";
    System.arraycopy(args, 0, all, 1, args.length);
    Cli.Result r = world.cli().run(all);
    world.assertClean(r);
    return r;
  }

  @Test
  void aWholeFileVariableRoundTripsByteForByteThroughShowJsonAndApply() throws IOException {
    manifest("      - configs/production.env\n"
        + "      - {file: configs/google-credentials.json, as: GOOGLE_CREDENTIALS_JSON}\n");
    world.heroku.createApp(APP);

    Cli.Result show = world.cli().run("show", "--repo", repo.toString(), "--reveal", "--json");
    Cli.Result apply = world.apply(repo.toString());

    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.err()).isEmpty();
    Map<String, Map<String, String>> shown = new ObjectMapper().readValue(show.out(),
        new com.fasterxml.jackson.core.type.TypeReference<>() {});
    assertThat(shown.get("production")).containsExactly(Map.entry("DEBUG", "False"),
        Map.entry("GOOGLE_CREDENTIALS_JSON", CREDENTIALS));
    assertThat(apply.code()).as(apply.err()).isZero();
    assertThat(world.heroku.config(APP).get("GOOGLE_CREDENTIALS_JSON").getBytes(
        StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(
            repo.resolve("configs/google-credentials.json")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"settings.env.template", ".env_SAMPLE", "app.env", "secrets.txt",
      "staging-config.conf", "deploy.cfg"})
  void anUnusualDotenvNameYieldsItsVariables(String name) throws IOException {
    Files.writeString(repo.resolve("configs/" + name),
        "# invented\nexport SECRET_KEY='not-a-secret'\nAPI_URL = https://api.example.org\n");
    manifest("      - configs/" + name + "\n");

    Cli.Result r = show("--repo", repo.toString(), "--strict");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("production (2 variables").contains("SECRET_KEY")
        .contains("API_URL");
  }

  @Test
  void aSourceThatYieldsNothingIsAWarningNamingTheFileAndKind() throws IOException {
    Files.writeString(repo.resolve("configs/notes.txt"), "remember to rotate the keys\n");
    manifest("      - configs/production.env\n      - configs/notes.txt\n");

    Cli.Result r = show("--repo", repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly("envshift: warning: configs/notes.txt: yields no "
        + "variable (read as an unrecognised file; to read it as dotenv, name it in envshift.yml "
        + "as {file: ..., dialect: compose})");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no variable          | # only a comment\\n                | configs/odd.env:
      not an assignment    | A=1\\nsource activate.sh\\n        | configs/odd.env:2: not a KEY=value
      dialects differ      | A=1\\nB=x$A\\n                     | configs/odd.env:2: B: the dotenv
      comment-only value   | A=   # note\\n                     | configs/odd.env:1: A: blank value
      unmappable name      | my.var=1\\n                       | configs/odd.env:1: my.var is not
      """)
  void strictFailsOnEachWarningKindWithOneLineNamingTheFile(String kind, String text,
      String starts) throws IOException {
    Files.writeString(repo.resolve("configs/odd.env"), text.replace("\\n", "\n"));
    manifest("      - configs/production.env\n      - configs/odd.env\n");
    world.heroku.createApp(APP);

    for (String command : new String[] {"show", "plan", "apply"}) {
      Cli.Result lenient = command.equals("show")
          ? show("--repo", repo.toString())
          : command.equals("plan") ? world.plan(repo.toString()) : null;
      Cli.Result strict = command.equals("show")
          ? show("--repo", repo.toString(), "--strict")
          : command.equals("plan") ? world.plan(repo.toString(), "--strict")
          : world.apply(repo.toString(), "--strict");

      if (lenient != null) {
        assertThat(lenient.code()).as(command + " " + lenient.err()).isZero();
      }
      assertThat(strict.code()).as(command).isEqualTo(1);
      assertThat(strict.errLines()).as(command).last().asString()
          .startsWith("envshift: " + starts).contains("(--strict: a warning in environment");
      assertThat(strict.err()).doesNotContain("\tat ");
    }
    assertThat(world.heroku.count("PATCH", "/")).as("strict apply sends nothing").isZero();
  }

  @Test
  void planRefusesAnAppThatWouldHoldMoreThan32kBAfterApplyNamingTheLargestVars()
      throws IOException {
    manifest("      - configs/production.env\n");
    world.heroku.createApp(APP);
    Map<String, String> live = new LinkedHashMap<>();
    live.put("LEGACY_BLOB", "x".repeat(30_000));
    live.put("OTHER", "y".repeat(2_000));
    world.heroku.setConfig(APP, live);
    Files.writeString(repo.resolve("configs/production.env"), "NEW_BLOB=" + "z".repeat(1_000)
        + "\n");

    Cli.Result plan = world.plan(repo.toString());
    Cli.Result pruned = world.plan(repo.toString(), "--prune");

    assertThat(plan.code()).isEqualTo(1);
    assertThat(plan.err()).contains("app " + APP + " would hold 33024 bytes of config vars after "
        + "apply").contains("largest: LEGACY_BLOB (30011 bytes), OTHER (2005 bytes), NEW_BLOB "
        + "(1008 bytes)");
    assertThat(pruned.code()).as(pruned.err()).isZero();
  }
}
