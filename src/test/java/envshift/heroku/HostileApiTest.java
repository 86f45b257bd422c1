package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * A server or proxy that echoes what it was sent: no text of its answer to a request that carried
 * config reaches a message or the debug log (issue 11, finding 5).
 */
class HostileApiTest {
  private static final String TOKEN = "HRKU-4c1d2b7e-0a9f-4e3d-8c2b-1f0e9d8c7b6a";
  private static final String CANARY = "canary-echoed-v4lue-9q7x";

  @StartStop final MockWebServer server = new MockWebServer();
  private final StringWriter debug = new StringWriter();

  private HerokuClient client() {
    return HerokuClient.builder().baseUrl(server.url("/").toString()).token(TOKEN)
        .sleeper(d -> { }).maxAttempts(1).debugLog(Optional.of(new PrintWriter(debug))).build();
  }

  /** Answers every request with {@code code} and an error whose fields echo the request body. */
  private void echoing(int code) {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String sent = request.getBody() == null ? "" : request.getBody().utf8();
        String echoed = sent.replace("\"", "'");
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
            .addHeader("Request-Id", echoed.isEmpty() ? "srv-1" : echoed)
            .addHeader("RateLimit-Remaining", echoed.isEmpty() ? "100" : echoed)
            .body("{\"id\":\"" + echoed + "\",\"message\":\"invalid: " + echoed + "\"}").build();
      }
    });
  }

  private static Map<String, Optional<Secret>> patch() {
    return Map.of("SECRET_KEY", Optional.of(Secret.of(CANARY)));
  }

  @Test
  void aPatchRefusalThatEchoesTheBodyPrintsNoValue() {
    echoing(422);

    assertThatThrownBy(() -> client().patchConfigVars("payroll-staging", patch()))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage()).startsWith("heroku: payroll-staging: 422")
              .doesNotContain(CANARY).doesNotContain("invalid:");
          assertThat(e.id()).doesNotContain(CANARY);
        });
    assertThat(debug.toString()).contains("PATCH /apps/payroll-staging/config-vars -> 422")
        .doesNotContain(CANARY);
  }

  @Test
  void everyStatusOfAPatchIsReportedWithoutTheServersText() {
    for (int code : new int[] {400, 403, 404, 409, 413}) {
      echoing(code);
      assertThatThrownBy(() -> client().patchConfigVars("payroll-staging", patch()))
          .hasMessageContaining(Integer.toString(code)).hasMessageNotContaining(CANARY);
    }
    assertThat(debug.toString()).doesNotContain(CANARY);
  }

  @Test
  void aMalformedStatusLineIsNamedByKindNotQuoted() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getMethod().equals("PATCH")
            ? new MockResponse.Builder().status("HTTP/1.1 2x0 " + CANARY).build()
            : new MockResponse.Builder().code(200).body("{}").build();
      }
    });

    assertThatThrownBy(() -> client().patchConfigVars("payroll-staging", patch()))
        .hasMessageContaining("was not applied (malformed response (ProtocolException))")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void aReadsErrorMessageIsStillShownWhenTheRequestCarriedNoConfig() {
    server.enqueue(new MockResponse.Builder().code(422)
        .body("{\"id\":\"invalid_params\",\"message\":\"Bad range.\"}").build());

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .hasMessageStartingWith("heroku: payroll-staging: 422 invalid_params: Bad range.");
  }

  @Test
  void anErrorIdThatIsNoIdentifierIsDropped() {
    server.enqueue(new MockResponse.Builder().code(422)
        .body("{\"id\":\"" + CANARY + " x\",\"message\":\"m\"}").build());

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .isInstanceOfSatisfying(HerokuApiException.class,
            e -> assertThat(e.id()).isEmpty())
        .hasMessageStartingWith("heroku: payroll-staging: 422: m (request ");
  }
}
