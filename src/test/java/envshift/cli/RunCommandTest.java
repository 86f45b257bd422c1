package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift run -- CMD}: CMD sees the environment's variables (a variable wins over an
 * inherited one), its output and exit code are its own, and envshift says nothing of the values.
 */
@ExtendWith(FakeHerokuExtension.class)
class RunCommandTest {
  private static final String DOTENV = Cli.fixture("repos/dotenv-envs");
  private static final String DJANGO = Cli.fixture("repos/django-blackbox");
  private static final String DEPLOY_KEY = Cli.fixture("keys/deploy-rsa.asc");

  @TempDir Path home;

  private Cli cli() {
    return new Cli(home).env("PATH", System.getenv("PATH"));
  }

  private static String[] run(String repo, String... rest) {
    List<String> args =
        new ArrayList<>(List.of("run", "--repo", repo, "--secret-key", DEPLOY_KEY));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  @Test
  void printenvPrintsTheDevelopmentValueAndEnvshiftItselfPrintsNothing() {
    Cli.Result r = cli().run(run(DOTENV, "--env", "development", "--", "printenv",
        "GOOGLE_API_KEY"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(CANARY + "-dotenv-dev\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void withoutEnvTheDevelopmentEnvironmentIsUsedAndAnotherCanBeNamed() {
    Cli.Result development = cli().run(run(DOTENV, "--", "printenv", "DJANGO_DEBUG"));
    Cli.Result staging = cli().run(run(DOTENV, "--env", "staging", "--", "printenv",
        "EMAIL_HOST_PASSWORD"));

    assertThat(development.out()).isEqualTo("True\n");
    assertThat(staging.code()).as(staging.err()).isZero();
    assertThat(staging.out()).isEqualTo(CANARY + "-dotenv-staging\n");
  }

  @Test
  void theEnvironmentsValueWinsOverAnInheritedOneAndTheRestIsInherited() {
    Cli.Result r = cli().env("DJANGO_DEBUG", "inherited").env("ONLY_INHERITED", "kept")
        .run(run(DOTENV, "--", "sh", "-c", "echo \"$DJANGO_DEBUG $ONLY_INHERITED\""));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("True kept\n");
  }

  @Test
  void theCommandsArgumentsOptionsIncludedAreItsOwnAndItRunsInTheWorkingDirectory()
      throws IOException {
    Files.writeString(home.resolve("here.txt"), "in cwd\n");

    Cli.Result r = cli().cwd(home).run(run(DOTENV, "--", "sh", "-c", "cat here.txt; echo \"$@\"",
        "sh", "--env", "-x", "--"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("in cwd\n--env -x --\n");
  }

  @Test
  void theExitCodeIsTheCommandsAndASignalDeathIs128PlusTheSignal() {
    Cli.Result seven = cli().run(run(DOTENV, "--", "sh", "-c", "echo out; echo err >&2; exit 7"));
    Cli.Result killed = cli().run(run(DOTENV, "--", "sh", "-c", "kill -TERM $$"));

    assertThat(seven.code()).isEqualTo(7);
    assertThat(seven.out()).isEqualTo("out\n");
    assertThat(seven.err()).isEqualTo("err\n");
    assertThat(killed.code()).isEqualTo(128 + 15);
  }

  @Test
  void aMissingCommandIs127AndANonExecutableOne126InOneLine() throws IOException {
    Path script = Files.writeString(home.resolve("not-executable.sh"), "#!/bin/sh\necho hi\n");

    Cli.Result missing = cli().run(run(DOTENV, "--", "no-such-command-3f9a"));
    Cli.Result notExecutable = cli().run(run(DOTENV, "--", script.toString()));

    assertThat(missing.code()).isEqualTo(127);
    assertThat(missing.errLines())
        .containsExactly("envshift: no-such-command-3f9a: command not found");
    assertThat(notExecutable.code()).isEqualTo(126);
    assertThat(notExecutable.errLines())
        .containsExactly("envshift: " + script + ": permission denied");
    assertThat(missing.both() + notExecutable.both()).doesNotContain(CANARY);
  }

  @Test
  void conversionWarningsComeFirstAndStrictStopsBeforeTheCommandRuns() {
    Cli.Result lenient = cli().run(run(DJANGO, "--env", "staging", "--", "echo", "ran"));
    Cli.Result strict =
        cli().run(run(DJANGO, "--env", "staging", "--strict", "--", "echo", "ran"));

    assertThat(lenient.code()).as(lenient.err()).isZero();
    assertThat(lenient.out()).isEqualTo("ran\n");
    assertThat(lenient.err()).startsWith("envshift: warning: configs/settings_deployment.staging"
        + ".py.gpg:3: skipped import of os\n");
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.errLines()).last().asString().contains("(--strict: a warning in "
        + "environment staging");
  }

  @Test
  void appReadsTheLiveConfigVarsThroughTheApi(FakeHeroku fake) {
    PushWorld world = new PushWorld(home, fake);
    world.heroku.createApp("payroll-staging");
    world.heroku.setConfig("payroll-staging", Map.of("PASSWORD", CANARY + "-live"));

    Cli.Result r = world.cli().env("PATH", System.getenv("PATH")).run("run", "--api-url",
        world.heroku.url(), "--app", "payroll-staging", "--", "printenv", "PASSWORD");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(CANARY + "-live\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void usageErrorsAre64() {
    assertUsage(cli().run(run(DOTENV, "--env", "staging", "--app", "x", "--", "true")),
        "envshift: run: choose one of --env and --app");
    assertUsage(cli().run(run(DOTENV, "printenv")),
        "envshift: run: put the command after --, as in: envshift run -- CMD");
    assertUsage(cli().run(run(DOTENV, "printenv", "--", "HOME")),
        "envshift: run: put the command after --, as in: envshift run -- CMD");
    assertUsage(cli().run(run(DOTENV, "--")), "envshift: run: no command after --");
    assertUsage(cli().run(run(DOTENV)),
        "envshift: run: put the command after --, as in: envshift run -- CMD");
    assertThat(cli().run(run(DOTENV, "--env", "nope", "--", "true")).code()).isEqualTo(64);
  }

  private static void assertUsage(Cli.Result r, String line) {
    assertThat(r.code()).as(r.err()).isEqualTo(64);
    assertThat(r.errLines()).containsExactly(line);
    assertThat(r.out()).isEmpty();
  }

  /**
   * The real process entry, in a JVM of its own: the command gets envshift's stdin, stdout and
   * stderr themselves (inheritIO), so what is piped into envshift reaches it.
   */
  @Test
  void asAProcessTheCommandInheritsStdinStdoutAndStderr() throws Exception {
    Path out = home.resolve("out");
    Path err = home.resolve("err");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(run(DOTENV, "--", "sh", "-c",
        "read line; echo \"got $line $DJANGO_DEBUG\"; echo to-stderr >&2; exit 3")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    builder.environment().put("GNUPGHOME", home.resolve("no-gnupg").toString());
    builder.environment().keySet().removeIf(k -> k.startsWith("ENVSHIFT_"));
    Process process = builder.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write("hello\n".getBytes(StandardCharsets.UTF_8));
    }

    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(err)).isEqualTo(3);
    assertThat(Files.readString(out)).isEqualTo("got hello True\n");
    assertThat(Files.readString(err)).isEqualTo("to-stderr\n");
  }
}
