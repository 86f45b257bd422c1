package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HerokuCredentialsTest {
  @TempDir Path home;

  private String token(Map<String, String> env, String host) {
    return new String(HerokuCredentials.token(env, home, host));
  }

  private void netrc(String text) throws IOException {
    Files.writeString(home.resolve(".netrc"), text);
  }

  @Test
  void herokuApiKeyWinsOverNetrc() throws IOException {
    netrc("machine api.heroku.com login a@b.c password from-netrc\n");

    assertThat(token(Map.of("HEROKU_API_KEY", "from-env"), "api.heroku.com")).isEqualTo("from-env");
  }

  @Test
  void aBlankHerokuApiKeyFallsBackToNetrc() throws IOException {
    netrc("machine api.heroku.com login a@b.c password from-netrc\n");

    assertThat(token(Map.of("HEROKU_API_KEY", "  "), "api.heroku.com")).isEqualTo("from-netrc");
  }

  @Test
  void theNetrcEntryForTheApiHostIsUsedAsTheCliWritesIt() throws IOException {
    netrc("machine git.heroku.com\n  login you@example.com\n  password GIT-TOKEN\n"
        + "machine api.heroku.com\n  login you@example.com\n  password HRKU-API-TOKEN\n");

    assertThat(token(Map.of(), "api.heroku.com")).isEqualTo("HRKU-API-TOKEN");
    assertThat(token(Map.of(), "git.heroku.com")).isEqualTo("GIT-TOKEN");
  }

  @Test
  void tokensMaySpreadOverLinesAndShareThem() throws IOException {
    netrc("machine\napi.heroku.com login\nme password\n\n  tok-1 machine other password x");

    assertThat(token(Map.of(), "api.heroku.com")).isEqualTo("tok-1");
  }

  @Test
  void defaultAppliesOnlyWhenNoMachineMatches() throws IOException {
    netrc("default login anyone password DEFAULT-TOKEN\n"
        + "machine api.heroku.com login me password MACHINE-TOKEN\n");

    assertThat(token(Map.of(), "api.heroku.com")).isEqualTo("MACHINE-TOKEN");
    assertThat(token(Map.of(), "127.0.0.1")).isEqualTo("DEFAULT-TOKEN");
  }

  @Test
  void macroBodiesAndCommentsAreSkipped() throws IOException {
    netrc("# machine api.heroku.com password COMMENTED\n"
        + "macdef init\nmachine api.heroku.com password IN-MACRO\ncd /tmp\n\n"
        + "machine api.heroku.com login me password REAL # trailing comment\n");

    assertThat(token(Map.of(), "api.heroku.com")).isEqualTo("REAL");
  }

  @Test
  void aMachineWithoutPasswordIsSkipped() throws IOException {
    netrc("machine api.heroku.com login me\nmachine api.heroku.com login me password LATER\n");

    assertThat(token(Map.of(), "api.heroku.com")).isEqualTo("LATER");
  }

  @Test
  void noTokenAnywhereSaysWhereItLooked() {
    assertThatThrownBy(() -> token(Map.of(), "api.heroku.com"))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("no Heroku API token: set HEROKU_API_KEY or run 'heroku login' (reads "
            + home.resolve(".netrc") + " machine api.heroku.com)");
  }

  @Test
  void homeFromTheEnvironmentWinsOverTheUserDatabasesHome() throws IOException {
    Path other = Files.createDirectories(home.resolve("other"));
    Files.writeString(other.resolve(".netrc"), "machine api.heroku.com password FROM-HOME\n");
    netrc("machine api.heroku.com password FROM-USER-DATABASE\n");

    assertThat(token(Map.of("HOME", other.toString()), "api.heroku.com")).isEqualTo("FROM-HOME");
    assertThat(token(Map.of("HOME", ""), "api.heroku.com")).isEqualTo("FROM-USER-DATABASE");
  }

  @Test
  void aMachineWithAPortMatchesOnlyThatPort() throws IOException {
    netrc("machine 127.0.0.1:5000 password FIVE\nmachine 127.0.0.1:6000 password SIX\n");

    assertThat(token(Map.of(), "127.0.0.1:6000")).isEqualTo("SIX");
    assertThatThrownBy(() -> token(Map.of(), "127.0.0.1:7000"))
        .hasMessageEndingWith("machine 127.0.0.1:7000)");
  }

  @Test
  void aNetrcForAnotherHostIsNotEnough() throws IOException {
    netrc("machine example.com login me password SECRET-ELSEWHERE\n");

    assertThatThrownBy(() -> token(Map.of(), "api.heroku.com"))
        .hasMessageContaining("machine api.heroku.com")
        .hasMessageNotContaining("SECRET-ELSEWHERE");
  }
}
