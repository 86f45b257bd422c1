package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the real Heroku CLI (npm package {@code heroku}) is installed, it reads back what envshift
 * pushed to the fake, through {@code HEROKU_HOST}: an independent client agrees on the result.
 * Skipped (not passed) when {@code heroku} is not on the PATH.
 */
@ExtendWith(FakeHerokuExtension.class)
class HerokuCliReadBackTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path cliHome;

  @Test
  void theHerokuCliReadsBackExactlyWhatApplyPushed(FakeHeroku fake) throws Exception {
    assumeTrue(herokuInstalled(), "the Heroku CLI is not installed");
    PushWorld world = new PushWorld(home, fake);
    world.heroku.createApp("payroll-staging");
    assertThat(world.apply(PushWorld.DJANGO, "--env", "staging").code()).isZero();

    String out = heroku(world, "config", "--json", "-a", "payroll-staging");

    JsonNode expected = JSON.readTree(
        Cli.FIXTURES.resolve("repos/django-blackbox/expected/staging.json").toFile());
    assertThat(JSON.readTree(out)).isEqualTo(expected);
  }

  private String heroku(PushWorld world, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        concat(List.of("heroku"), List.of(args))).redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> env = builder.environment();
    env.put("HEROKU_HOST", world.heroku.url());
    env.put("HEROKU_API_KEY", PushWorld.TOKEN);
    env.put("HOME", cliHome.toString());
    env.put("XDG_CACHE_HOME", cliHome.resolve("cache").toString());
    env.put("XDG_DATA_HOME", cliHome.resolve("data").toString());
    env.put("XDG_CONFIG_HOME", cliHome.resolve("config").toString());
    env.put("NO_COLOR", "1");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    return out;
  }

  private static boolean herokuInstalled() {
    try {
      Process p = new ProcessBuilder("heroku", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
