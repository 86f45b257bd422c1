package envshift.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns failures into {@link HerokuApiException}s with one capped line. Of a response body only the
 * parsed {@code id}, {@code message} and {@code resource} fields are ever used; the token is
 * scrubbed from every message in case a server or library echoes it. A server or proxy may echo
 * what it was sent, so the {@code message} of an answer to a request that carried config values
 * is never shown, and an {@code id} is shown only when it has the shape of one ({@code
 * invalid_params}).
 */
final class ApiErrors {
  private static final int MAX_SERVER_TEXT = 200;
  private static final int MAX_MESSAGE = 300;

  private final String token;
  private final String baseUrl;
  private final ObjectMapper json;

  ApiErrors(String token, String baseUrl, ObjectMapper json) {
    this.token = token;
    this.baseUrl = baseUrl;
    this.json = json;
  }

  /** Heroku's error ids are short snake_case words; anything else may be echoed text. */
  private static final Pattern ERROR_ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern UUID_SHAPE =
      Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

  private record ErrorBody(String id, String message, String resource) {}

  /** A non-2xx answer to a request that carried no config: status, id and Heroku's message. */
  HerokuApiException fromStatus(Subject subject, int status, byte[] body, Optional<String> rid) {
    return fromStatus(subject, status, body, rid, false);
  }

  /**
   * A non-2xx answer to a request that carried config values (the PATCH): status and id only, as
   * its message may quote the values sent.
   */
  HerokuApiException fromConfigWrite(Subject subject, int status, byte[] body,
      Optional<String> rid) {
    return fromStatus(subject, status, body, rid, true);
  }

  /**
   * The Request-Id to show: the server's when it is ours, optionally followed by one UUID (as
   * Heroku answers), else the one we sent; a header can carry echoed text too.
   */
  static String safeRequestId(String fromServer, String sent) {
    if (fromServer == null || sent == null) {
      return sent == null ? "-" : sent;
    }
    if (fromServer.equals(sent)) {
      return sent;
    }
    boolean ours = fromServer.startsWith(sent + ",")
        && UUID_SHAPE.matcher(fromServer.substring(sent.length() + 1)).matches();
    return ours ? fromServer : sent;
  }

  private HerokuApiException fromStatus(Subject subject, int status, byte[] body,
      Optional<String> rid, boolean carriedConfig) {
    ErrorBody error = parse(body);
    if (status == 401) {
      return build("heroku: the API token was rejected (401 unauthorized): check HEROKU_API_KEY "
          + "or ~/.netrc", status, "unauthorized", subject, rid, null);
    }
    String id = error.id();
    boolean aboutSubject = error.resource().isEmpty() || error.resource().equals(subject.kind());
    if (status == 404 && aboutSubject && !subject.label().isEmpty()) {
      return build(String.format("heroku: %s '%s' not found or not accessible (404 %s)",
          subject.kind(), subject.name(), id.isEmpty() ? "not_found" : id),
          status, id, subject, rid, null);
    }
    String message = carriedConfig
        ? (error.message().isEmpty() ? "" : " (Heroku's message is not shown: the request carried"
            + " config values)")
        : (error.message().isEmpty() ? "" : ": " + error.message());
    String text = status + (id.isEmpty() ? "" : " " + id) + message;
    return build(prefix(subject) + text + requestSuffix(rid), status, id, subject, rid, null);
  }

  HerokuApiException unreachable(Subject subject, int attempts, IOException cause,
      Optional<String> rid) {
    String message = String.format("%scannot reach %s after %d attempt%s (%s)", prefix(subject),
        baseUrl, attempts, attempts == 1 ? "" : "s", reason(cause));
    return build(message, 0, "network", subject, rid, cause);
  }

  HerokuApiException badResponse(Subject subject, String what, Optional<String> rid,
      Throwable cause) {
    return build(prefix(subject) + "unexpected response from the Heroku API: " + what
        + requestSuffix(rid), 0, "bad_response", subject, rid, cause);
  }

  HerokuApiException plain(Subject subject, String text, int status, String id,
      Optional<String> rid, Throwable cause) {
    return build(prefix(subject) + text + requestSuffix(rid), status, id, subject, rid, cause);
  }

  /**
   * A short reason for a network failure: the exception's own text, else its type. A protocol or
   * EOF failure's text quotes what the server sent (a status line, the bytes read), so only its
   * type is given.
   */
  static String reason(Throwable e) {
    Throwable root = e instanceof NetworkFailure failure ? failure.reason() : e;
    if (root instanceof java.net.ProtocolException || root instanceof java.io.EOFException) {
      return "malformed response (" + root.getClass().getSimpleName() + ")";
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  static String prefix(Subject subject) {
    return subject.label().isEmpty() ? "heroku: " : "heroku: " + subject.label() + ": ";
  }

  /** A message without its {@code heroku: <label>: } prefix, to nest it in another message. */
  static String detail(Subject subject, String message) {
    String prefix = prefix(subject);
    if (message.startsWith(prefix)) {
      return message.substring(prefix.length());
    }
    return message.startsWith("heroku: ") ? message.substring("heroku: ".length()) : message;
  }

  private static String requestSuffix(Optional<String> rid) {
    return rid.map(id -> " (request " + id + ")").orElse("");
  }

  private HerokuApiException build(String message, int status, String id, Subject subject,
      Optional<String> rid, Throwable cause) {
    String clean = scrub(message.replaceAll("\\s+", " ").strip());
    if (clean.length() > MAX_MESSAGE) {
      clean = clean.substring(0, MAX_MESSAGE - 1) + "…";
    }
    return new HerokuApiException(clean, status, id, subject.app(), rid, cause);
  }

  private String scrub(String text) {
    return token.length() < 8 ? text : text.replace(token, "██");
  }

  private ErrorBody parse(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node == null || !node.isObject()) {
        return new ErrorBody("", "", "");
      }
      String message = field(node, "message");
      String id = field(node, "id");
      return new ErrorBody(ERROR_ID.matcher(id).matches() ? id : "",
          message.isEmpty() ? field(node, "error") : message, field(node, "resource"));
    } catch (IOException | RuntimeException e) {
      return new ErrorBody("", "", ""); // not JSON (a proxy's HTML page): the status has to do
    }
  }

  private static String field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || !value.isTextual()) {
      return "";
    }
    String text = value.asText().replaceAll("\\s+", " ").strip();
    return text.length() > MAX_SERVER_TEXT ? text.substring(0, MAX_SERVER_TEXT - 1) + "…" : text;
  }
}
