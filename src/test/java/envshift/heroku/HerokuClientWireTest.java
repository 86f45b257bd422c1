package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** What goes over the wire, seen from a plain MockWebServer (which also shows Authorization). */
class HerokuClientWireTest {
  private static final String CANARY_TOKEN = "HRKU-CANARY-1b9e77c4-2d0f-4a8e-b5c3-6e1f0a9d2c47";
  private static final String CANARY_VALUE = "canary-value-q8z3-never-logged";

  @StartStop final MockWebServer server = new MockWebServer();
  private final StringWriter debug = new StringWriter();

  private HerokuClient client() {
    return HerokuClient.builder().baseUrl(server.url("/").toString()).token(CANARY_TOKEN)
        .userAgentVersion("1.2.3").sleeper(d -> { }).maxAttempts(2)
        .debugLog(Optional.of(new PrintWriter(debug))).build();
  }

  /** A server Request-Id that is not ours plus one UUID is not shown (it may be echoed text). */
  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", "srv-1").body(body).build();
  }

  private List<RecordedRequest> taken() throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    for (RecordedRequest r; (r = server.takeRequest(0, TimeUnit.SECONDS)) != null; ) {
      requests.add(r);
    }
    return requests;
  }

  @Test
  void everyRequestCarriesAcceptBearerUserAgentAndAFreshRequestId() throws Exception {
    server.enqueue(json(200, "{\"A\":\"1\"}"));
    server.enqueue(json(200, "{\"A\":\"2\"}"));
    server.enqueue(json(200, "{\"id\":\"01\",\"name\":\"payroll-staging\"}"));

    HerokuClient client = client();
    client.configVars("payroll-staging");
    client.patchConfigVars("payroll-staging", Map.of("A", Optional.of(Secret.of("2"))));
    client.app("payroll-staging");

    List<RecordedRequest> requests = taken();
    assertThat(requests).extracting(RecordedRequest::getRequestLine).containsExactly(
        "GET /apps/payroll-staging/config-vars HTTP/1.1",
        "PATCH /apps/payroll-staging/config-vars HTTP/1.1", "GET /apps/payroll-staging HTTP/1.1");
    for (RecordedRequest r : requests) {
      assertThat(r.getHeaders().get("Accept"))
          .isEqualTo("application/vnd.heroku+json; version=3");
      assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY_TOKEN);
      assertThat(r.getHeaders().get("User-Agent")).isEqualTo("envshift/1.2.3");
      assertThat(r.getHeaders().get("Request-Id")).matches("[0-9a-f-]{36}");
    }
    assertThat(requests).extracting(r -> r.getHeaders().get("Request-Id")).doesNotHaveDuplicates();
    assertThat(requests.get(1).getBody().utf8()).isEqualTo("{\"A\":\"2\"}");
    assertThat(requests.get(1).getHeaders().get("Content-Type"))
        .isEqualTo("application/json; charset=utf-8");
  }

  @Test
  void aPatchSendsEveryValueAsAStringAndNullToDelete() throws Exception {
    server.enqueue(json(200, "{\"PORT\":\"8080\"}"));

    client().patchConfigVars("app-1", new java.util.LinkedHashMap<>(Map.of(
        "PORT", Optional.of(Secret.of("8080")))));
    server.enqueue(json(200, "{}"));
    java.util.Map<String, Optional<Secret>> delete = new java.util.LinkedHashMap<>();
    delete.put("GONE", Optional.empty());
    client().patchConfigVars("app-1", delete);

    List<RecordedRequest> requests = taken();
    assertThat(requests.get(0).getBody().utf8()).isEqualTo("{\"PORT\":\"8080\"}");
    assertThat(requests.get(1).getBody().utf8()).isEqualTo("{\"GONE\":null}");
  }

  @Test
  void theDebugLogHasMethodPathAndStatusButNoTokenOrValue() throws Exception {
    server.enqueue(json(503, "{\"id\":\"unavailable\",\"message\":\"down\"}"));
    server.enqueue(json(200, "{\"SECRET\":\"" + CANARY_VALUE + "\"}"));
    server.enqueue(json(200, "{\"SECRET\":\"" + CANARY_VALUE + "\"}"));

    HerokuClient client = client();
    client.configVars("payroll-staging");
    client.patchConfigVars("payroll-staging",
        Map.of("SECRET", Optional.of(Secret.of(CANARY_VALUE))));

    String log = debug.toString();
    assertThat(log.lines()).hasSize(3);
    assertThat(log.lines().toList().get(0))
        .matches("heroku: GET /apps/payroll-staging/config-vars -> 503 "
            + "\\(\\d+ ms, request [0-9a-f-]{36}\\)");
    assertThat(log).contains("GET /apps/payroll-staging/config-vars -> 200")
        .contains("PATCH /apps/payroll-staging/config-vars -> 200");
    assertThat(log).doesNotContain(CANARY_TOKEN).doesNotContain(CANARY_VALUE)
        .doesNotContain("Bearer").doesNotContain("SECRET");
  }

  @Test
  void theTokenAppearsInNoMessageEvenIfTheServerEchoesIt() {
    server.enqueue(json(403, "{\"id\":\"forbidden\",\"message\":\"token " + CANARY_TOKEN
        + " lacks scope\"}"));

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .hasMessageNotContaining(CANARY_TOKEN)
        .hasMessageContaining("403 forbidden: token ██ lacks scope");
  }

  @Test
  void aNonJsonBodyIsReportedWithoutQuotingIt() {
    server.enqueue(json(200, "SECRET=" + CANARY_VALUE));

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .isInstanceOf(HerokuApiException.class)
        .hasMessageMatching("heroku: payroll-staging: unexpected response from the Heroku API: "
            + "not JSON \\(request [0-9a-f-]{36}\\)")
        .hasNoCause();
  }

  @Test
  void onlyTheParsedMessageOfAnErrorBodyIsReported() {
    server.enqueue(json(422, "{\"id\":\"boom\",\"message\":\"m\",\"config\":{\"S\":\""
        + CANARY_VALUE + "\"}}"));
    server.enqueue(json(502, "<html>" + CANARY_VALUE + "</html>"));
    server.enqueue(json(502, "<html>" + CANARY_VALUE + "</html>"));

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .hasMessageMatching("heroku: payroll-staging: 422 boom: m \\(request [0-9a-f-]{36}\\)");
    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .hasMessageMatching("heroku: payroll-staging: 502 \\(request [0-9a-f-]{36}\\)");
  }

  @Test
  void aConfigValueThatIsNotAStringIsNamedByKeyOnly() {
    server.enqueue(json(200, "{\"PORT\":8080,\"S\":\"" + CANARY_VALUE + "\"}"));

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .hasMessage("heroku: payroll-staging: unexpected response from the Heroku API: config var "
            + "PORT is not a string")
        .hasMessageNotContaining(CANARY_VALUE);
  }

  @Test
  void aTokenWithWhitespaceIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> HerokuClient.builder().token("HRKU-abc def\n").build())
        .isInstanceOf(envshift.EnvshiftException.class)
        .hasMessageNotContaining("HRKU-abc");
  }

  @Test
  void aLongServerMessageIsCutToOneShortLine() {
    server.enqueue(json(422, "{\"id\":\"invalid_params\",\"message\":\"" + "word\\n".repeat(200)
        + "\"}"));

    assertThatThrownBy(() -> client().configVars("payroll-staging"))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(300)
            .doesNotContain("\n"));
  }

  @Test
  void addonVarsFallBackToTheAddonsWhenAttachmentsLackConfigVars() throws Exception {
    server.enqueue(json(200, "[{\"name\":\"DATABASE\",\"addon\":{\"id\":\"a1\","
        + "\"name\":\"postgresql-shaped-1\"}}]"));
    server.enqueue(json(200, "[{\"name\":\"postgresql-shaped-1\","
        + "\"config_vars\":[\"DATABASE_URL\"]}]"));

    assertThat(client().addonOwnedVars("app-1"))
        .containsExactly(Map.entry("DATABASE_URL", "postgresql-shaped-1"));
    List<RecordedRequest> requests = taken();
    assertThat(requests.get(0).getTarget()).isEqualTo("/apps/app-1/addon-attachments");
    assertThat(requests.get(0).getHeaders().get("Accept-Inclusion"))
        .isEqualTo("addon:plan,config_vars");
    assertThat(requests.get(1).getTarget()).isEqualTo("/apps/app-1/addons");
  }

  @Test
  void aListFollowsNextRangeVerbatimUntilItIsAbsent() throws Exception {
    server.enqueue(new MockResponse.Builder(json(206, "[{\"version\":9,\"description\":\"a\"}]"))
        .addHeader("Next-Range", "version ]9..; max=1, order=desc").build());
    server.enqueue(json(200, "[{\"version\":8,\"description\":\"b\"}]"));

    assertThat(client().releases("app-1", 5)).extracting(Release::version).containsExactly(9, 8);
    List<RecordedRequest> requests = taken();
    assertThat(requests.get(0).getHeaders().get("Range")).isEqualTo("version ..; order=desc,max=5");
    assertThat(requests.get(1).getHeaders().get("Range"))
        .isEqualTo("version ]9..; max=1, order=desc");
  }

  @Test
  void appNamesAreEscapedAsPathSegments() throws Exception {
    server.enqueue(json(404, "{\"resource\":\"app\",\"id\":\"not_found\",\"message\":\"x\"}"));

    assertThatThrownBy(() -> client().configVars("../account"))
        .hasMessage("heroku: app '../account' not found or not accessible (404 not_found)");
    assertThat(taken().get(0).getTarget()).isEqualTo("/apps/..%2Faccount/config-vars");
  }

  @Test
  void aDotSegmentNameIsAUsageErrorAndSendsNothing() {
    assertThatThrownBy(() -> client().configVars(".."))
        .isInstanceOfSatisfying(envshift.EnvshiftException.class,
            e -> assertThat(e.exitCode()).isEqualTo(64));
    assertThat(server.getRequestCount()).isZero();
  }
}
