package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import envshift.Secret;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A server that drips its answer (one byte at a time, each within the read timeout) is cut off by
 * the overall call timeout, with one line naming the app and the request (issue 11, finding 13).
 */
class CallTimeoutTest {
  private static final Duration LIMIT = Duration.ofMillis(500);
  private static final Duration BOUND = Duration.ofMillis(1500);

  @StartStop final MockWebServer server = new MockWebServer();

  private HerokuClient client() {
    return HerokuClient.builder().baseUrl(server.url("/").toString())
        .token("HRKU-0f1e2d3c-4b5a-4968-8776-655443322110").sleeper(d -> { }).maxAttempts(2)
        .callTimeout(LIMIT).build();
  }

  /** 200 bytes at one byte per 50 ms: 10 s in all, but never silent for a read timeout. */
  private static MockResponse dripping(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(body + " ".repeat(200)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build();
  }

  @Test
  void aDrippingReadStopsAtTheCallTimeoutNamingTheAppAndTheRequest() {
    server.enqueue(dripping("{\"A\":\"1\"}"));
    server.enqueue(dripping("{\"A\":\"1\"}"));
    HerokuClient client = client();

    assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(
        () -> client.configVars("payroll-staging"))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("heroku: payroll-staging: GET config-vars: no "
              + "complete answer within 0.5 s (the overall call timeout, --api-timeout)");
          assertThat(e.id()).isEqualTo("timeout");
        }));
  }

  @Test
  void aDrippingPatchAnswerIsTreatedAsLostAndReReadNotResent() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("PATCH") ? dripping("{\"A\":\"2\"}")
            : new MockResponse.Builder().code(200).body("{\"A\":\"2\"}").build();
      }
    });
    HerokuClient client = client();

    PatchResult result = assertTimeoutPreemptively(BOUND, () -> client
        .patchConfigVars("payroll-staging", Map.of("A", Optional.of(Secret.of("2")))));

    assertThat(result.recoveredAfterAmbiguousFailure()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theDefaultBoundIsTwoMinutes() {
    assertThat(HerokuClient.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofMinutes(2));
  }
}
