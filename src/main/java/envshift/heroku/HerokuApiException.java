package envshift.heroku;

import envshift.EnvshiftException;
import java.util.Optional;

/**
 * A Platform API call failed: an error status, an unusable response, or no response at all. The
 * message is one line that names the app, the status, Heroku's error id and the Request-Id, and
 * Heroku's message only for a request that carried no config (a server may echo the PATCH); it
 * never holds a response body (a config-vars body is the whole config) nor the token.
 */
public final class HerokuApiException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String id;
  private final String app;
  private final String requestId;

  HerokuApiException(
      String message, int status, String id, Optional<String> app, Optional<String> requestId,
      Throwable cause) {
    super(message, ERROR, cause);
    this.status = status;
    this.id = id;
    this.app = app.orElse(null);
    this.requestId = requestId.orElse(null);
  }

  /** The HTTP status, or 0 when no response arrived (network failure). */
  public int status() {
    return status;
  }

  /**
   * Heroku's error id ({@code invalid_params}, {@code not_found}, ...); {@code network} when no
   * response arrived, {@code bad_response} for an unreadable one, empty when Heroku sent none.
   */
  public String id() {
    return id;
  }

  /** The app the call was about, when it was about one. */
  public Optional<String> app() {
    return Optional.ofNullable(app);
  }

  /** The Request-Id of the failed call, as the server returned it (or as sent). */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }
}
