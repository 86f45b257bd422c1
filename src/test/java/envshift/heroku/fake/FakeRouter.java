package envshift.heroku.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import mockwebserver3.RecordedRequest;

/**
 * Checks Accept and auth, then routes one request to {@link FakeState} and renders the answer.
 * Knows nothing of faults, latency or sockets ({@link FakeDispatcher} does).
 */
final class FakeRouter {
  private static final Pattern ACCEPT =
      Pattern.compile("application/vnd\\.heroku\\+json;\\s*version=3(\\.[\\w-]+)?(\\s*(,|;|$))");
  private static final Pattern KEY = Pattern.compile("^\\w+$");
  /** Pipeline stage config var names are looser than an app's (schema pipeline-config-var). */
  private static final Pattern STAGE_KEY = Pattern.compile("^[\\w.:\\[\\]]+$");
  /** The coupling stage enum the stage config-vars path refers to. */
  private static final List<String> STAGES =
      List.of("test", "review", "development", "staging", "production");

  /** A rendered answer: status, JSON body and extra headers. */
  record Reply(int status, JsonNode body, Map<String, String> headers) {
    static Reply ok(JsonNode body) {
      return new Reply(200, body, Map.of());
    }
  }

  private final FakeState state;
  private final FakeJson json;
  private final FakeSettings settings;

  FakeRouter(FakeState state, FakeJson json, FakeSettings settings) {
    this.state = state;
    this.json = json;
    this.settings = settings;
  }

  Reply handle(RecordedRequest request) {
    try {
      String accept = request.getHeaders().get("Accept");
      if (accept == null || !ACCEPT.matcher(accept).find()) {
        throw new FakeError(406, "not_acceptable", "Please specify a version along with Heroku's "
            + "API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.", "");
      }
      if (!authorized(request.getHeaders().get("Authorization"))) {
        throw new FakeError(401, "unauthorized", "Invalid credentials provided.", "");
      }
      return route(request.getMethod(), segments(request), request);
    } catch (FakeError error) {
      return new Reply(error.status, json.error(error), Map.of());
    }
  }

  private boolean authorized(String header) {
    String token = settings.token();
    if (header == null) {
      return false;
    }
    if (header.startsWith("Bearer ")) {
      return header.substring(7).strip().equals(token);
    }
    if (header.startsWith("Basic ")) {
      try {
        String pair = new String(Base64.getDecoder().decode(header.substring(6).strip()),
            java.nio.charset.StandardCharsets.UTF_8);
        return pair.substring(pair.indexOf(':') + 1).equals(token);
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return false;
  }

  private Reply route(String method, List<String> path, RecordedRequest request) {
    String route = method + " " + shape(path);
    return switch (route) {
      case "GET /account" -> Reply.ok(json.account(FakeHeroku.ACCOUNT_EMAIL));
      case "GET /apps/*" -> Reply.ok(json.app(state.app(path.get(1)), FakeHeroku.ACCOUNT_EMAIL));
      case "GET /apps/*/config-vars" -> Reply.ok(json.config(state.config(path.get(1))));
      case "PATCH /apps/*/config-vars" -> patch(path.get(1), request);
      case "GET /apps/*/releases" -> releases(path.get(1), request);
      case "GET /apps/*/releases/*" -> Reply.ok(release(path.get(1), path.get(3)));
      case "GET /apps/*/releases/*/config-vars" -> releaseConfig(path.get(1), path.get(3));
      case "GET /apps/*/addons" -> addons(path.get(1), request);
      case "GET /apps/*/addon-attachments" -> attachments(path.get(1), request);
      case "GET /apps/*/pipeline-couplings" -> appCoupling(path.get(1));
      case "GET /pipelines" -> Reply.ok(array(state.pipelines().stream().map(json::pipeline)
          .map(JsonNode.class::cast).toList()));
      case "GET /pipelines/*" -> Reply.ok(json.pipeline(state.findPipeline(path.get(1))
          .orElseThrow(() -> FakeError.notFound("pipeline"))));
      case "GET /pipelines/*/pipeline-couplings" -> couplings(path.get(1), request);
      case "GET /pipelines/*/stage/*/config-vars" -> Reply.ok(json.config(
          state.stageConfig(path.get(1), stage(path.get(3)))));
      case "PATCH /pipelines/*/stage/*/config-vars" -> Reply.ok(json.config(
          state.patchStageConfig(path.get(1), stage(path.get(3)), changes(request, STAGE_KEY))));
      case "POST /filters/*" -> filterApps(path.get(1), request);
      default -> throw new FakeError(404, "not_found", "The requested API endpoint was not found.",
          "");
    };
  }

  private Reply patch(String app, RecordedRequest request) {
    Map<String, Optional<String>> changes = changes(request, KEY);
    changes.replaceAll((name, sent) -> sent.isEmpty() ? sent
        : settings.takePatchOverride(name).map(Optional::of).orElse(sent));
    Map<String, String> config = state.patch(app, changes);
    boolean herokuKey = changes.entrySet().stream()
        .anyMatch(e -> e.getKey().startsWith("HEROKU_") && e.getValue().isPresent());
    return new Reply(200, json.config(config), herokuKey
        ? Map.of("Warning-Message", "The \"HEROKU_\" namespace is protected and shouldn't be used.")
        : Map.of());
  }

  private static String stage(String stage) {
    if (!STAGES.contains(stage)) {
      throw FakeError.notFound("pipeline stage");
    }
    return stage;
  }

  private Map<String, Optional<String>> changes(RecordedRequest request, Pattern key) {
    return changes(request.getBody() == null ? "" : request.getBody().utf8(), key);
  }

  /** Validates a PATCH body per the schema: an object of {@code key} names, string or null. */
  private Map<String, Optional<String>> changes(String body, Pattern key) {
    JsonNode node;
    try {
      node = json.mapper().readTree(body);
    } catch (java.io.IOException e) {
      throw FakeError.invalidParams("Invalid params: the request body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw FakeError.invalidParams("Invalid params: config vars must be a JSON object.");
    }
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!key.matcher(entry.getKey()).matches()) {
        throw FakeError.invalidParams("Invalid params: invalid config var name " + entry.getKey());
      }
      JsonNode value = entry.getValue();
      if (!value.isTextual() && !value.isNull()) {
        throw FakeError.invalidParams("Invalid params: config var values must be strings or null.");
      }
      changes.put(entry.getKey(), value.isNull() ? Optional.empty() : Optional.of(value.asText()));
    }
    return changes;
  }

  private Reply releases(String appName, RecordedRequest request) {
    FakeState.AppState app = state.app(appName);
    List<FakeState.ReleaseState> all = state.releases(appName);
    List<RangePage.Item> items = new ArrayList<>();
    for (FakeState.ReleaseState r : all) {
      boolean current = r.version() == all.size();
      items.add(new RangePage.Item(Map.of("version", (long) r.version(), "id", r.id()),
          json.release(app, r, current, FakeHeroku.ACCOUNT_EMAIL)));
    }
    return paged(request, List.of("version", "id"), items);
  }

  private JsonNode release(String appName, String idOrVersion) {
    FakeState.AppState app = state.app(appName);
    List<FakeState.ReleaseState> all = state.releases(appName);
    FakeState.ReleaseState release = find(all, idOrVersion);
    return json.release(app, release, release.version() == all.size(), FakeHeroku.ACCOUNT_EMAIL);
  }

  private Reply releaseConfig(String appName, String idOrVersion) {
    return Reply.ok(json.config(find(state.releases(appName), idOrVersion).config()));
  }

  private static FakeState.ReleaseState find(List<FakeState.ReleaseState> all, String idOrVersion) {
    return all.stream()
        .filter(r -> r.id().equals(idOrVersion) || String.valueOf(r.version()).equals(idOrVersion))
        .findFirst()
        .orElseThrow(() -> FakeError.notFound("release"));
  }

  private Reply addons(String appName, RecordedRequest request) {
    FakeState.AppState app = state.app(appName);
    List<RangePage.Item> items = state.addons(appName).stream()
        .map(a -> new RangePage.Item(Map.of("id", a.id(), "name", a.name()), json.addon(app, a)))
        .map(RangePage.Item.class::cast).toList();
    return paged(request, List.of("id", "name"), items);
  }

  private Reply attachments(String appName, RecordedRequest request) {
    FakeState.AppState app = state.app(appName);
    String inclusion = request.getHeaders().get("Accept-Inclusion");
    boolean withVars = inclusion != null && inclusion.contains("config_vars");
    List<RangePage.Item> items = state.addons(appName).stream()
        .map(a -> new RangePage.Item(Map.of("id", a.attachmentId(), "name", a.attachmentName()),
            json.attachment(app, a, withVars)))
        .toList();
    return paged(request, List.of("id", "name"), items);
  }

  private Reply appCoupling(String appName) {
    String appId = state.app(appName).id;
    return Reply.ok(state.couplings().stream().filter(c -> c.appId().equals(appId)).findFirst()
        .map(json::coupling).orElseThrow(() -> FakeError.notFound("pipeline coupling")));
  }

  private Reply couplings(String pipelineId, RecordedRequest request) {
    // The schema takes the pipeline UUID here, not its name.
    if (state.pipelines().stream().noneMatch(p -> p.id().equals(pipelineId))) {
      throw FakeError.notFound("pipeline");
    }
    List<RangePage.Item> items = state.couplings().stream()
        .filter(c -> c.pipelineId().equals(pipelineId))
        .map(c -> new RangePage.Item(Map.of("id", c.id()), json.coupling(c)))
        .toList();
    return paged(request, List.of("id"), items);
  }

  /** POST /filters/apps {"in":{"id":[..]}}: the known apps among the ids, in state order. */
  private Reply filterApps(String filter, RecordedRequest request) {
    if (!filter.equals("apps")) {
      throw new FakeError(404, "not_found", "The requested API endpoint was not found.", "");
    }
    JsonNode ids;
    try {
      ids = json.mapper().readTree(request.getBody() == null ? "" : request.getBody().utf8())
          .path("in").path("id");
    } catch (java.io.IOException e) {
      throw FakeError.invalidParams("Invalid params: the request body is not valid JSON.");
    }
    if (!ids.isArray()) {
      throw FakeError.invalidParams("Invalid params: in.id must be a list of app ids.");
    }
    List<JsonNode> apps = new ArrayList<>();
    ids.forEach(id -> state.findApp(id.asText()).filter(a -> a.id.equals(id.asText()))
        .ifPresent(a -> apps.add(json.app(a, FakeHeroku.ACCOUNT_EMAIL))));
    return Reply.ok(array(apps));
  }

  private Reply paged(RecordedRequest request, List<String> fields, List<RangePage.Item> items) {
    RangePage.Page page = RangePage.page(request.getHeaders().get("Range"), fields, items,
        settings.pageSize(), settings.ignoreRangeOrder());
    return new Reply(page.status(), array(page.items()), page.headers());
  }

  private ArrayNode array(List<JsonNode> items) {
    ArrayNode array = json.mapper().createArrayNode();
    items.forEach(array::add);
    return array;
  }

  private static List<String> segments(RecordedRequest request) {
    List<String> segments = new ArrayList<>(request.getUrl().pathSegments());
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  /** {@code /apps/x/config-vars} → {@code /apps/*}{@code /config-vars}: ids at odd positions. */
  private static String shape(List<String> path) {
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      shape.append('/').append(i % 2 == 1 ? "*" : path.get(i));
    }
    return shape.toString();
  }
}
