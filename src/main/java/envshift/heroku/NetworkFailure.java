package envshift.heroku;

import java.io.IOException;

/**
 * No response after the retry interceptor gave up. {@code sent} says whether the last attempt
 * reached a connection (so the server may have acted on it); a PATCH that was sent is ambiguous,
 * one that was not is a plain failure.
 */
final class NetworkFailure extends IOException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final boolean sent;

  NetworkFailure(int attempts, boolean sent, IOException cause) {
    super(cause.getMessage(), cause);
    this.attempts = attempts;
    this.sent = sent;
  }

  int attempts() {
    return attempts;
  }

  boolean sent() {
    return sent;
  }

  /** The failure's own cause: what actually went wrong on the wire. */
  IOException reason() {
    return (IOException) getCause();
  }
}
