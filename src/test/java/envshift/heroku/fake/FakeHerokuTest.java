package envshift.heroku.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake's own contract (heroku-platform-api.md §10), spoken to with a bare OkHttp client. */
@ExtendWith(FakeHerokuExtension.class)
class FakeHerokuTest {
  private static final String ACCEPT = "application/vnd.heroku+json; version=3";
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private FakeHeroku heroku;

  /** Status, headers and parsed body of one call. */
  private record Answer(int status, Headers headers, JsonNode body) {}

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp("app-1");
  }

  private Answer call(String method, String path, String body, String... headers)
      throws IOException {
    Headers.Builder all = new Headers.Builder().add("Accept", ACCEPT)
        .add("Authorization", "Bearer " + FakeHeroku.DEFAULT_TOKEN);
    for (int i = 0; i < headers.length; i += 2) {
      all.set(headers[i], headers[i + 1]);
    }
    RequestBody requestBody = body == null ? null
        : RequestBody.create(body, MediaType.get("application/json"));
    Request request = new Request.Builder().url(heroku.url() + path).headers(all.build())
        .method(method, requestBody).build();
    try (Response response = http.newCall(request).execute()) {
      JsonNode parsed = json.readTree(response.body().string());
      return new Answer(response.code(), response.headers(), parsed);
    }
  }

  @Test
  void aPatchAppliedLaterLandsJustBeforeTheNthRequestAfterIt() throws IOException {
    int releases = heroku.releases("app-1").size();
    heroku.failNext("PATCH", Fault.applyLater(2));

    assertThatThrownBy(() -> call("PATCH", "/apps/app-1/config-vars", "{\"A\":\"1\"}"))
        .isInstanceOf(IOException.class);
    assertThat(call("GET", "/apps/app-1/config-vars", null).body().has("A")).isFalse();
    assertThat(call("GET", "/apps/app-1/config-vars", null).body().get("A").asText())
        .isEqualTo("1");
    assertThat(heroku.releases("app-1")).hasSize(releases + 1);
  }

  @Test
  void aPatchAppliedThenAnsweredWithGarbageIsApplied() throws IOException {
    heroku.failNext("PATCH", Fault.applyThenGarbage());
    Request request = new Request.Builder().url(heroku.url() + "/apps/app-1/config-vars")
        .header("Accept", ACCEPT).header("Authorization", "Bearer " + FakeHeroku.DEFAULT_TOKEN)
        .patch(RequestBody.create("{\"A\":\"1\"}", MediaType.get("application/json"))).build();

    try (Response response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).startsWith("<html>");
    }
    assertThat(heroku.config("app-1")).containsEntry("A", "1");
  }

  @Test
  void withoutTheHerokuAcceptHeaderItIs406() throws IOException {
    assertThat(call("GET", "/apps/app-1", null, "Accept", "application/json").status())
        .isEqualTo(406);
    assertThat(call("GET", "/apps/app-1", null, "Accept", ACCEPT + ".sdk").status())
        .isEqualTo(200);
  }

  @Test
  void aWrongOrMissingTokenIs401AndBasicAuthWorks() throws IOException {
    Answer wrong = call("GET", "/account", null, "Authorization", "Bearer nope");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().get("id").asText()).isEqualTo("unauthorized");
    String basic = Base64.getEncoder().encodeToString((":" + FakeHeroku.DEFAULT_TOKEN).getBytes());
    assertThat(call("GET", "/account", null, "Authorization", "Basic " + basic).status())
        .isEqualTo(200);
    heroku.token("other");
    assertThat(call("GET", "/account", null).status()).isEqualTo(401);
  }

  @Test
  void everyAnswerCarriesRequestIdRateLimitAndJsonContentType() throws IOException {
    Answer answer = call("GET", "/nowhere", null, "Request-Id", "client-1");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.headers().get("Request-Id")).matches("client-1,[0-9a-f-]{36}");
    assertThat(answer.headers().get("RateLimit-Remaining")).isEqualTo("4500");
    assertThat(answer.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void anUnknownAppIs404NotFoundAboutTheApp() throws IOException {
    Answer answer = call("GET", "/apps/ghost/config-vars", null);

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body().toString()).isEqualTo(
        "{\"resource\":\"app\",\"id\":\"not_found\",\"message\":\"Couldn't find that app.\"}");
  }

  @Test
  void patchMergesDeletesNullsRecordsAReleaseAndAnswersTheWholeConfig() throws IOException {
    heroku.setConfig("app-1", Map.of("A", "1", "B", "2"));

    Answer answer = call("PATCH", "/apps/app-1/config-vars", "{\"A\":\"x\",\"B\":null,\"C\":\"\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().toString()).isEqualTo("{\"A\":\"x\",\"C\":\"\"}");
    assertThat(heroku.releases("app-1")).last().satisfies(r -> {
      assertThat(r.version()).isEqualTo(3);
      assertThat(r.description()).isEqualTo("Set A, C and remove B config vars");
      assertThat(r.status()).isEqualTo("succeeded");
    });
    assertThat(heroku.releaseConfig("app-1", 3)).isEqualTo(Map.of("A", "x", "C", ""));
    assertThat(heroku.releaseConfig("app-1", 2)).isEqualTo(Map.of("A", "1", "B", "2"));
  }

  @Test
  void patchRejectsWhatTheSchemaForbidsAndAppliesNothing() throws IOException {
    for (String body : List.of("[]", "\"A\"", "{\"A-B\":\"1\"}", "{\"A\":1}", "{\"A\":{}}",
        "{\"A\":true}", "not json")) {
      Answer answer = call("PATCH", "/apps/app-1/config-vars", body);
      assertThat(answer.status()).as(body).isEqualTo(422);
      assertThat(answer.body().get("id").asText()).isEqualTo("invalid_params");
    }
    assertThat(heroku.releases("app-1")).hasSize(1);
  }

  @Test
  void addonOwnedKeysAre422AndNothingIsApplied() throws IOException {
    heroku.attachAddon("app-1", "postgresql-shaped-1", Map.of("DATABASE_URL", "postgres://x"));

    Answer answer = call("PATCH", "/apps/app-1/config-vars",
        "{\"OK\":\"1\",\"DATABASE_URL\":null}");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body().get("message").asText())
        .isEqualTo("Cannot overwrite attachment values DATABASE_URL.");
    assertThat(heroku.config("app-1")).containsOnlyKeys("DATABASE_URL");
  }

  @Test
  void theConfigMayNotExceed32Kilobytes() throws IOException {
    String big = "x".repeat(32 * 1024 - 1);

    assertThat(call("PATCH", "/apps/app-1/config-vars", "{\"A\":\"" + big + "\"}").status())
        .isEqualTo(200);
    assertThat(call("PATCH", "/apps/app-1/config-vars", "{\"AB\":\"" + big + "\"}").status())
        .isEqualTo(422);
    assertThat(heroku.config("app-1")).containsOnlyKeys("A");
  }

  @Test
  void aHerokuPrefixedKeyIsAcceptedWithAWarning() throws IOException {
    Answer answer = call("PATCH", "/apps/app-1/config-vars", "{\"HEROKU_X\":\"1\"}");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.headers().get("Warning-Message")).contains("\"HEROKU_\" namespace");
  }

  @Test
  void releasesPageWith206AndNextRangeButNotOnTheLastPage() throws IOException {
    for (int i = 0; i < 4; i++) {
      heroku.setConfig("app-1", Map.of("N", "" + i));
    }
    Answer first = call("GET", "/apps/app-1/releases", null, "Range",
        "version ..; order=desc,max=3");
    assertThat(first.status()).isEqualTo(206);
    assertThat(first.body()).extracting(r -> r.get("version").asInt()).containsExactly(5, 4, 3);
    String next = first.headers().get("Next-Range");
    assertThat(next).isEqualTo("version ]3..; max=3, order=desc");

    Answer last = call("GET", "/apps/app-1/releases", null, "Range", next);
    assertThat(last.status()).isEqualTo(200);
    assertThat(last.body()).extracting(r -> r.get("version").asInt()).containsExactly(2, 1);
    assertThat(last.headers().get("Next-Range")).isNull();
    assertThat(last.body().get(0).get("current").asBoolean()).isFalse();
    assertThat(first.body().get(0).get("current").asBoolean()).isTrue();
  }

  @Test
  void ignoringRangeOrderSendsReleasesOldestFirstAndPagesOnAscending() throws IOException {
    for (int i = 0; i < 4; i++) {
      heroku.setConfig("app-1", Map.of("N", "" + i));
    }
    heroku.ignoreRangeOrder(true);

    Answer first = call("GET", "/apps/app-1/releases", null, "Range",
        "version ..; order=desc,max=3");
    assertThat(first.status()).isEqualTo(206);
    assertThat(first.body()).extracting(r -> r.get("version").asInt()).containsExactly(1, 2, 3);
    assertThat(first.headers().get("Next-Range")).isEqualTo("version ]3..; max=3");
    Answer after = call("GET", "/apps/app-1/releases", null, "Range", "version ]3..; max=3");
    assertThat(after.body()).extracting(r -> r.get("version").asInt()).containsExactly(4, 5);
  }

  @Test
  void anAddedReleaseKeepsTheConfig() {
    heroku.setConfig("app-1", Map.of("A", "1"));

    heroku.addRelease("app-1", "Deploy 0a1b2c3");

    assertThat(heroku.releases("app-1")).hasSize(3).last()
        .satisfies(r -> assertThat(r.description()).isEqualTo("Deploy 0a1b2c3"));
    assertThat(heroku.releaseConfig("app-1", 3)).isEqualTo(Map.of("A", "1"));
  }

  @Test
  void theServerPageSizeCapsTheRequestedMax() throws IOException {
    heroku.setConfig("app-1", Map.of("N", "1"));
    heroku.pageSize(1);

    Answer answer = call("GET", "/apps/app-1/releases", null);
    assertThat(answer.status()).isEqualTo(206);
    assertThat(answer.body()).hasSize(1);
    assertThat(answer.headers().get("Next-Range")).isEqualTo("version ]1..; max=200");
  }

  @Test
  void aBadRangeIs416() throws IOException {
    assertThat(call("GET", "/apps/app-1/releases", null, "Range", "colour ..").status())
        .isEqualTo(416);
    assertThat(call("GET", "/apps/app-1/releases", null, "Range", "version ..; max=5000")
        .status()).isEqualTo(416);
  }

  @Test
  void attachmentsIncludeConfigVarsOnlyWhenAskedTo() throws IOException {
    heroku.attachAddon("app-1", "heroku-redis-1", Map.of("REDIS_URL", "redis://x"));

    JsonNode plain = call("GET", "/apps/app-1/addon-attachments", null).body().get(0);
    JsonNode included = call("GET", "/apps/app-1/addon-attachments", null,
        "Accept-Inclusion", "addon:plan,config_vars").body().get(0);

    assertThat(plain.has("config_vars")).isFalse();
    assertThat(plain.get("name").asText()).isEqualTo("REDIS");
    assertThat(included.get("config_vars").toString()).isEqualTo("[\"REDIS_URL\"]");
    assertThat(call("GET", "/apps/app-1/addons", null).body().get(0).get("config_vars")
        .toString()).isEqualTo("[\"REDIS_URL\"]");
  }

  @Test
  void couplingsTakeThePipelineIdAndCarryOnlyTheAppId() throws IOException {
    String pipelineId = heroku.createPipeline("payroll");
    heroku.couple("payroll", "app-1", "staging");

    JsonNode coupling = call("GET", "/pipelines/" + pipelineId + "/pipeline-couplings", null)
        .body().get(0);
    assertThat(coupling.get("app").size()).isEqualTo(1);
    assertThat(coupling.get("stage").asText()).isEqualTo("staging");
    assertThat(call("GET", "/pipelines/payroll/pipeline-couplings", null).status())
        .isEqualTo(404);
    assertThat(call("GET", "/pipelines/payroll", null).body().get("id").asText())
        .isEqualTo(pipelineId);
  }

  @Test
  void concurrentPatchesEachGetTheirOwnRelease() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String body = "{\"K" + i + "\":\"v\"}";
        answers.add(pool.submit(() -> call("PATCH", "/apps/app-1/config-vars", body)));
      }
      for (Future<Answer> answer : answers) {
        assertThat(answer.get().status()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(heroku.config("app-1")).hasSize(16);
    assertThat(heroku.releases("app-1")).extracting(r -> r.version())
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 17).boxed().toList());
    assertThat(heroku.count("PATCH", "/apps/app-1/config-vars")).isEqualTo(16);
  }

  @Test
  void theRequestLogLeavesOutAuthorization() throws IOException {
    call("GET", "/apps/app-1", null);

    FakeRequest logged = heroku.requests().get(0);
    assertThat(logged.method()).isEqualTo("GET");
    assertThat(logged.path()).isEqualTo("/apps/app-1");
    assertThat(logged.status()).isEqualTo(200);
    assertThat(logged.headers().get("Authorization")).isNull();
    assertThat(logged.headers().get("Accept")).isEqualTo(ACCEPT);
  }

  @Test
  void faultsApplyInOrderToMatchingMethods() throws IOException {
    heroku.failNext("PATCH", Fault.status(503));
    heroku.failNext(Fault.status(429, 7));

    Answer get = call("GET", "/apps/app-1", null);
    Answer patch = call("PATCH", "/apps/app-1/config-vars", "{\"A\":\"1\"}");

    assertThat(get.status()).isEqualTo(429);
    assertThat(get.headers().get("Retry-After")).isEqualTo("7");
    assertThat(get.body().get("id").asText()).isEqualTo("rate_limit");
    assertThat(patch.status()).isEqualTo(503);
    assertThat(heroku.config("app-1")).isEmpty();
  }
}
