package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiEndpointTest {
  @Test
  void theDefaultIsApiHerokuCom() {
    assertThat(ApiEndpoint.resolve(Map.of(), Optional.empty())).isEqualTo("https://api.heroku.com");
  }

  @Test
  void theApiUrlFlagWinsOverHerokuHost() {
    assertThat(ApiEndpoint.resolve(Map.of("HEROKU_HOST", "herokudev.com"),
        Optional.of("http://127.0.0.1:5000/"))).isEqualTo("http://127.0.0.1:5000");
  }

  @Test
  void aHerokuHostStartingWithHttpIsTheApiUrlItself() {
    assertThat(ApiEndpoint.resolve(Map.of("HEROKU_HOST", "http://127.0.0.1:5000"),
        Optional.empty())).isEqualTo("http://127.0.0.1:5000");
  }

  @Test
  void anyOtherHerokuHostIsADomainUnderApi() {
    assertThat(ApiEndpoint.resolve(Map.of("HEROKU_HOST", "herokudev.com"), Optional.empty()))
        .isEqualTo("https://api.herokudev.com");
  }

  @Test
  void aBadUrlIsAUsageError() {
    assertThatThrownBy(() -> ApiEndpoint.resolve(Map.of(), Optional.of("ftp://x")))
        .isInstanceOfSatisfying(EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(64))
        .hasMessage("--api-url: not an http(s) URL: ftp://x");
  }

  @Test
  void theNetrcMachineIsTheHostWithItsPortWhenTheUrlHasOneAsTheHerokuCliApiHost() {
    assertThat(ApiEndpoint.netrcMachine("https://api.heroku.com")).isEqualTo("api.heroku.com");
    assertThat(ApiEndpoint.netrcMachine("https://api.heroku.com/")).isEqualTo("api.heroku.com");
    assertThat(ApiEndpoint.netrcMachine("http://127.0.0.1:5000")).isEqualTo("127.0.0.1:5000");
    assertThat(ApiEndpoint.netrcMachine("https://api.heroku.com:443")).isEqualTo(
        "api.heroku.com:443");
    assertThat(ApiEndpoint.netrcMachine("http://[::1]:5000/v3")).isEqualTo("[::1]:5000");
    // HEROKU_HOST=example.com:5000 is the URL https://api.example.com:5000, machine with port
    String url = ApiEndpoint.resolve(Map.of("HEROKU_HOST", "example.com:5000"), Optional.empty());
    assertThat(ApiEndpoint.netrcMachine(url)).isEqualTo("api.example.com:5000");
  }
}
