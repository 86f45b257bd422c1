package envshift.heroku.fake;

import java.util.Optional;

/** A failure {@link FakeHeroku#failNext} injects into the next matching request. */
public sealed interface Fault permits Fault.Status, Fault.Drop, Fault.ApplyThenDrop {
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
}
