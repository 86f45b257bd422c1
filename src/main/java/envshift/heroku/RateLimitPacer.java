package envshift.heroku;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Slows down before the bucket runs dry. Heroku refills about 1.25 tokens a second (4500/hour), so
 * once {@code RateLimit-Remaining} drops under {@link #THRESHOLD} each call waits in proportion, up
 * to 800 ms at zero: roughly the refill rate, as the platform-api gem's throttle does.
 */
final class RateLimitPacer implements Interceptor {
  static final int THRESHOLD = 20;
  static final Duration STEP = Duration.ofMillis(40);

  private final Sleeper sleeper;

  RateLimitPacer(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    Duration pause = pause(response.header("RateLimit-Remaining"));
    if (!pause.isZero()) {
      try {
        sleeper.sleep(pause);
      } catch (InterruptedException e) {
        response.close();
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while pacing requests");
      }
    }
    return response;
  }

  static Duration pause(String remainingHeader) {
    if (remainingHeader == null || !remainingHeader.strip().matches("-?\\d{1,9}")) {
      return Duration.ZERO;
    }
    int remaining = Math.max(0, Integer.parseInt(remainingHeader.strip()));
    return remaining >= THRESHOLD ? Duration.ZERO : STEP.multipliedBy(THRESHOLD - remaining);
  }
}
