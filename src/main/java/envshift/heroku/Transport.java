package envshift.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.EnvshiftException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Sends requests, reads whole bodies, follows {@code Next-Range} and maps failures. Retries,
 * headers and logging live in the interceptors ({@link HttpStack}); this class only sees final
 * outcomes.
 */
final class Transport {
  /** Guards against a server that keeps sending Next-Range: 1000 pages of up to 1000 items. */
  private static final int MAX_PAGES = 1000;
  /**
   * The largest response body read: a page of 1000 releases or apps is about 2 MB, a config at
   * most 32 kB; a server sending more is broken or hostile, and is not read into memory.
   */
  static final long MAX_BODY_BYTES = 32L << 20;
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final ObjectMapper json;
  private final ApiErrors errors;
  private final Duration callTimeout;

  Transport(OkHttpClient http, HttpUrl base, ObjectMapper json, ApiErrors errors) {
    this.http = http;
    this.callTimeout = Duration.ofMillis(http.callTimeoutMillis());
    this.base = base;
    this.json = json;
    this.errors = errors;
  }

  /** A finished exchange: status, headers and the whole body, the response already closed. */
  record Reply(int status, Headers headers, byte[] body, String sentRequestId) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The server's Request-Id when it is ours plus its own, else the one we sent. */
    Optional<String> requestId() {
      return Optional.of(ApiErrors.safeRequestId(headers.get("Request-Id"), sentRequestId));
    }
  }

  HttpUrl url(String... segments) {
    HttpUrl.Builder builder = base.newBuilder();
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        // OkHttp would resolve these as dot segments and address another resource.
        throw EnvshiftException.usage(
            "heroku: not a valid app or pipeline name: '" + segment + "'");
      }
      builder.addPathSegment(segment);
    }
    return builder.build();
  }

  ApiErrors errors() {
    return errors;
  }

  ObjectMapper json() {
    return json;
  }

  /** One request, retried by the interceptors; throws the raw IOException when no response came. */
  Reply exchange(Request.Builder request) throws IOException {
    String requestId = UUID.randomUUID().toString();
    Request built = request.header("Request-Id", requestId).build();
    Call call = http.newCall(built);
    try (Response response = call.execute()) {
      return new Reply(response.code(), response.headers(),
          bounded(response.code(), response.body()), requestId);
    } catch (IOException e) {
      if (call.isCanceled()) { // only the call timeout cancels a call in envshift
        throw new CallTimeout(CallTimeout.kind(built, base), callTimeout, e);
      }
      throw e;
    }
  }

  private static byte[] bounded(int status, ResponseBody body) throws IOException {
    if (body.contentLength() > MAX_BODY_BYTES) {
      throw new ResponseTooLarge(status);
    }
    BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw new ResponseTooLarge(status);
    }
    return source.getBuffer().readByteArray();
  }

  /** GET a single JSON document; any failure becomes a {@link HerokuApiException}. */
  JsonNode get(Subject subject, Headers extra, String... segments) {
    Reply reply = send(subject, new Request.Builder().url(url(segments)).headers(extra).get());
    return parse(subject, reply);
  }

  /** POST a JSON body (a read such as a filter) and parse the single JSON reply. */
  JsonNode post(Subject subject, Headers extra, Object body, String... segments) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw errors.badResponse(subject, "cannot encode the request", Optional.empty(), e);
    }
    Request.Builder request = new Request.Builder().url(url(segments)).headers(extra)
        .post(RequestBody.create(bytes, JSON_TYPE));
    return parse(subject, send(subject, request));
  }

  /**
   * PATCH a JSON body and parse the single JSON reply. Not resent once it may have reached the
   * server (see {@link RetryInterceptor}); callers that need more re-read what they wrote.
   */
  JsonNode patch(Subject subject, Object body, String... segments) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the request", null); // never the values
    }
    Request.Builder request = new Request.Builder().url(url(segments))
        .patch(RequestBody.create(bytes, JSON_TYPE));
    return parse(subject, send(subject, request));
  }

  /** GET a list, following Next-Range until it is absent or {@code limit} items were read. */
  List<JsonNode> getList(Subject subject, Headers extra, Optional<String> range, int limit,
      String... segments) {
    List<JsonNode> items = new ArrayList<>();
    Optional<String> next = range;
    for (int page = 0; page < MAX_PAGES && items.size() < limit; page++) {
      Request.Builder request = new Request.Builder().url(url(segments)).headers(extra).get();
      next.ifPresent(value -> request.header("Range", value));
      Reply reply = send(subject, request);
      JsonNode body = parse(subject, reply);
      if (!body.isArray()) {
        throw errors.badResponse(subject, "expected a JSON list", reply.requestId(), null);
      }
      body.forEach(item -> items.add(item));
      Optional<String> following = reply.header("Next-Range");
      if (following.isEmpty() || following.equals(next)) {
        break; // absent on the last page; a repeated range would loop forever
      }
      next = following;
    }
    return items.size() > limit ? List.copyOf(items.subList(0, limit)) : List.copyOf(items);
  }

  /** Sends and insists on a 2xx reply. */
  Reply send(Subject subject, Request.Builder request) {
    Reply reply;
    try {
      reply = exchange(request);
    } catch (ResponseTooLarge e) {
      throw errors.badResponse(subject, e.getMessage() + ", status " + e.status(),
          Optional.empty(), null);
    } catch (IOException e) {
      throw unreachable(subject, e);
    }
    if (!reply.ok()) {
      throw errors.fromStatus(subject, reply.status(), reply.body(), reply.requestId());
    }
    return reply;
  }

  HerokuApiException unreachable(Subject subject, IOException e) {
    if (e instanceof CallTimeout timeout) {
      return errors.plain(subject, timeout.describe(), 0, "timeout", Optional.empty(), null);
    }
    NetworkFailure failure = find(e);
    int attempts = failure == null ? 1 : failure.attempts();
    return errors.unreachable(subject, attempts, failure == null ? e : failure, Optional.empty());
  }

  JsonNode parse(Subject subject, Reply reply) {
    try {
      JsonNode node = json.readTree(reply.body());
      if (node == null || node.isMissingNode()) {
        throw errors.badResponse(subject, "empty body", reply.requestId(), null);
      }
      return node;
    } catch (IOException e) {
      // Jackson's message quotes the body (a config body is all secrets): keep only the type.
      throw errors.badResponse(subject, "not JSON", reply.requestId(), null);
    }
  }

  /** OkHttp may wrap an interceptor's exception (a call timeout does): look down the causes. */
  static NetworkFailure find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof NetworkFailure failure) {
        return failure;
      }
    }
    return null;
  }
}
