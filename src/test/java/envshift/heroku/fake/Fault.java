package envshift.heroku.fake;

import java.util.Optional;

/** A failure {@link FakeHeroku#failNext} injects into the next matching request. */
public sealed interface Fault permits Fault.Status, Fault.Drop, Fault.ApplyThenDrop,
    Fault.ApplyLater, Fault.ApplyThenGarbage, Fault.ApplyThenHuge {
  /** Answer with this status (and a Heroku error body) without handling the request. */
  record Status(int code, Optional<Integer> retryAfterSeconds) implements Fault {
    public Status withRetryAfter(int seconds) {
      return new Status(code, Optional.of(seconds));
    }
  }

  /** Close the connection before handling: the server did nothing, the client sees a reset. */
  record Drop() implements Fault {}

  /** Handle the request (a PATCH is applied), then close the connection instead of answering. */
  record ApplyThenDrop() implements Fault {}

  /**
   * A slow API: close the connection now (the client's read timed out), and handle the request
   * (a PATCH is applied) just before the {@code requestsLater}-th request after it.
   */
  record ApplyLater(int requestsLater) implements Fault {
    public ApplyLater {
      if (requestsLater < 1) {
        throw new IllegalArgumentException("requestsLater < 1");
      }
    }
  }

  /** Handle the request (a PATCH is applied), then answer 200 with a body that is not JSON. */
  record ApplyThenGarbage() implements Fault {}

  /** Handle the request (a PATCH is applied), then answer 200 with 40 MB of JSON whitespace. */
  record ApplyThenHuge() implements Fault {}

  static Status status(int code) {
    return new Status(code, Optional.empty());
  }

  static Status status(int code, int retryAfterSeconds) {
    return new Status(code, Optional.of(retryAfterSeconds));
  }

  static Fault dropConnection() {
    return new Drop();
  }

  static Fault applyThenDrop() {
    return new ApplyThenDrop();
  }

  static Fault applyLater(int requestsLater) {
    return new ApplyLater(requestsLater);
  }

  static Fault applyThenGarbage() {
    return new ApplyThenGarbage();
  }

  static Fault applyThenHuge() {
    return new ApplyThenHuge();
  }
}
