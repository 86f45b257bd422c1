package envshift.heroku;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;

/** Retry delays: capped exponential backoff with full jitter, or the server's Retry-After. */
final class Backoff {
  static final Duration DEFAULT_BASE = Duration.ofMillis(200);
  static final Duration DEFAULT_CAP = Duration.ofSeconds(8);
  /** A longer Retry-After would stall the command; retrying sooner at worst earns another 429. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final Duration base;
  private final Duration cap;

  Backoff(Duration base, Duration cap) {
    this.base = base;
    this.cap = cap;
  }

  static Backoff standard() {
    return new Backoff(DEFAULT_BASE, DEFAULT_CAP);
  }

  /** Full jitter (AWS architecture blog): uniform in [0, min(cap, base * 2^(attempt-1))]. */
  Duration delay(int attempt) {
    int exponent = Math.min(Math.max(attempt - 1, 0), 20);
    long ceiling = Math.min(cap.toMillis(), base.toMillis() << exponent);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** The Retry-After delay in seconds, if the response has one (HTTP dates are ignored). */
  static Optional<Duration> retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null || !value.strip().matches("\\d{1,9}")) {
      return Optional.empty();
    }
    Duration asked = Duration.ofSeconds(Long.parseLong(value.strip()));
    return Optional.of(asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked);
  }
}
