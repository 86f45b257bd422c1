package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Heroku CLI's conventions end to end: the netrc machine is the API host with its port, read
 * from {@code $HOME/.netrc}; a missing token fails before any decryption; an app that does not
 * exist is one error line per environment, never an empty plan.
 */
@ExtendWith(FakeHerokuExtension.class)
class HerokuConventionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private PushWorld world;
  private String hostPort;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp("payroll-staging");
    URI url = URI.create(world.heroku.url());
    hostPort = url.getHost() + ":" + url.getPort();
  }

  /** The CLI with no HEROKU_API_KEY: the token can only come from a netrc. */
  private Cli noKey() {
    return new Cli(home).env("XDG_STATE_HOME", home.resolve("state").toString());
  }

  private Cli.Result pull(Cli cli, String... more) {
    String[] args = new String[more.length + 3];
    args[0] = "pull";
    args[1] = "--app";
    args[2] = "payroll-staging";
    System.arraycopy(more, 0, args, 3, more.length);
    // The netrc under the home holds the token on purpose, so the home-wide leak check cannot run.
    Cli.Result r = world.runRevealing(cli, args);
    assertThat(r.both()).doesNotContain(PushWorld.TOKEN);
    return r;
  }

  private static void netrc(Path dir, String text) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".netrc"), text);
  }

  @Test
  void aNetrcMachineWithThePortAuthenticatesAgainstTheApiOnThatPort() throws IOException {
    world.heroku.setConfig("payroll-staging", Map.of("GREETING", "hello"));
    netrc(home, "machine " + hostPort + "\n  login you@example.com\n  password "
        + PushWorld.TOKEN + "\n");

    Cli.Result viaFlag = pull(noKey());
    Cli.Result viaHerokuHost = noKey().env("HEROKU_HOST", world.heroku.url())
        .run("pull", "--app", "payroll-staging");
    assertThat(viaHerokuHost.both()).doesNotContain(PushWorld.TOKEN);

    assertThat(viaFlag.code()).as(viaFlag.err()).isZero();
    assertThat(viaFlag.out()).contains("GREETING");
    assertThat(viaHerokuHost.code()).as(viaHerokuHost.err()).isZero();
    assertThat(viaHerokuHost.out()).contains("GREETING");
  }

  @Test
  void theNetrcIsReadFromHomeNotFromTheUserDatabasesHome() throws IOException {
    Path otherHome = home.resolve("elsewhere");
    netrc(otherHome, "machine " + hostPort + " login you@example.com password "
        + PushWorld.TOKEN + "\n");

    Cli.Result r = pull(noKey().env("HOME", otherHome.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.exists(home.resolve(".netrc"))).isFalse();
  }

  @Test
  void aHostOnlyEntryIsNotUsedForAnApiUrlWithAPortAsWithTheHerokuCli() throws IOException {
    netrc(home, "machine 127.0.0.1 login you@example.com password " + PushWorld.TOKEN + "\n");

    Cli.Result r = pull(noKey());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("envshift: no Heroku API token: set HEROKU_API_KEY "
        + "or run 'heroku login' (reads " + home.resolve(".netrc") + " machine " + hostPort
        + "; an entry for 127.0.0.1 without the port is not used, as with the Heroku CLI)");
    assertThat(world.heroku.requests()).isEmpty();
  }

  @Test
  void withoutATokenPlanFailsInOneLineBeforeAnyPassphraseIsRead() {
    // A protected key whose passphrase file does not exist: consulting it would fail differently.
    Cli cli = noKey();
    String[] keys = {"--secret-key", Cli.fixture("keys/dev-cv25519.asc"), "--passphrase-file",
        home.resolve("no-such-passphrase").toString()};

    Cli.Result withoutToken = world.run(cli, concat(new String[] {"plan", "--repo",
        PushWorld.DJANGO}, keys));
    Cli.Result withToken = world.run(world.cli(), concat(new String[] {"plan", "--repo",
        PushWorld.DJANGO}, keys));

    assertThat(withoutToken.code()).isEqualTo(1);
    assertThat(withoutToken.errLines()).containsExactly("envshift: no Heroku API token: set "
        + "HEROKU_API_KEY or run 'heroku login' (reads " + home.resolve(".netrc") + " machine "
        + hostPort + ")");
    assertThat(withoutToken.out()).isEmpty();
    // The same run with a token does reach the passphrase: the check above came first.
    assertThat(withToken.code()).isEqualTo(1);
    assertThat(withToken.err()).contains("no-such-passphrase");
  }

  @Test
  void withoutATokenEveryApiCommandFailsBeforeDecrypting() {
    String[][] commands = {
      {"apply", "--repo", PushWorld.DJANGO, "--yes", "--no-backup"},
      {"drift", "--repo", PushWorld.DJANGO, "--env", "staging", "--env", "production"},
      {"rotate", "DEBUG", "--env", "staging", "--repo", PushWorld.DJANGO, "--yes", "--no-backup"},
      {"cleanup", "--repo", PushWorld.DJANGO, "--yes"},
    };
    for (String[] command : commands) {
      Cli.Result r = world.run(noKey(), concat(command, new String[] {"--secret-key",
          Cli.fixture("keys/dev-cv25519.asc"), "--passphrase-file",
          home.resolve("no-such-passphrase").toString()}));

      assertThat(r.code()).as(command[0] + ": " + r.err()).isEqualTo(1);
      assertThat(r.errLines()).as(command[0]).hasSize(1);
      assertThat(r.err()).as(command[0]).startsWith("envshift: no Heroku API token");
    }
  }

  @Test
  void planWithAnAppThatDoesNotExistIsOneLinePerEnvironmentAndNoEmptyPlan() {
    Path repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(
        "payroll-gone", Map.of("A", "1"), "payroll-missing", Map.of("B", "2")));

    Cli.Result r = world.run("plan", "--repo", repo.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactlyInAnyOrder(
        "envshift: payroll-gone → payroll-gone: heroku: app 'payroll-gone' not found or not "
            + "accessible (404 not_found)",
        "envshift: payroll-missing → payroll-missing: heroku: app 'payroll-missing' not found or "
            + "not accessible (404 not_found)");
  }

  @Test
  void planJsonCarriesTheErrorsArray() throws IOException {
    Path repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(
        "payroll-staging", Map.of("A", "1"), "payroll-gone", Map.of("B", "2")));

    Cli.Result r = world.run("plan", "--repo", repo.toString(), "--json");
    Cli.Result clean = world.run("plan", "--repo", repo.toString(), "--json", "--env",
        "payroll-staging");

    assertThat(r.code()).isEqualTo(1);
    JsonNode tree = JSON.readTree(r.out());
    assertThat(tree.at("/apps").size()).isEqualTo(1);
    assertThat(tree.at("/apps/0/app").asText()).isEqualTo("payroll-staging");
    assertThat(tree.at("/errors").toString()).isEqualTo("[{\"env\":\"payroll-gone\","
        + "\"app\":\"payroll-gone\",\"error\":\"heroku: app 'payroll-gone' not found or not "
        + "accessible (404 not_found)\"}]");
    assertThat(r.errLines()).hasSize(1);
    assertThat(clean.code()).as(clean.err()).isZero();
    assertThat(JSON.readTree(clean.out()).at("/errors").toString()).isEqualTo("[]");
  }

  @Test
  void applyWithOnlyMissingAppsIsOneLinePerEnvironmentAndWritesNothing() {
    Path repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(
        "payroll-gone", Map.of("A", "1")));

    Cli.Result r = world.run("apply", "--repo", repo.toString(), "--yes", "--no-backup");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly("envshift: payroll-gone → payroll-gone: heroku: "
        + "app 'payroll-gone' not found or not accessible (404 not_found)");
    assertThat(world.heroku.count("PATCH", "/")).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
