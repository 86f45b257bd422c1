package envshift.heroku;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** The one place the OkHttp client and its interceptors are put together, in order. */
final class HttpStack {
  private HttpStack() {}

  /**
   * Timeouts for a client built without a shared one; the overall call timeout is set in {@link
   * #build}, as it spans the retries too.
   */
  static OkHttpClient defaultClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .writeTimeout(Duration.ofSeconds(30))
        .build();
  }

  static OkHttpClient build(OkHttpClient shared, String token, String userAgent, int maxAttempts,
      Sleeper sleeper, Optional<PrintWriter> debugLog, Duration callTimeout) {
    OkHttpClient.Builder builder =
        shared.newBuilder()
            // A server may drip its answer, each byte within the read timeout: bound the whole
            // call, retries and their waits included.
            .callTimeout(callTimeout)
            // OkHttp would silently resend a PATCH on a stale pooled connection; retries are ours.
            .retryOnConnectionFailure(false)
            // The API does not redirect; following one could carry the token somewhere else.
            .followRedirects(false)
            .followSslRedirects(false)
            // 1. headers once per logical call, so every retry carries the same Request-Id;
            .addInterceptor(new HeaderInterceptor(token, userAgent))
            // 2. retries around each attempt;
            .addInterceptor(new RetryInterceptor(maxAttempts, Backoff.standard(), sleeper))
            // 3. pacing after each attempt, inside the retry loop;
            .addInterceptor(new RateLimitPacer(sleeper))
            // 4. network level: this attempt reached a connection (may have been processed).
            .addNetworkInterceptor(new SentMarker());
    // 5. network level, so each attempt is logged with its own status and time.
    debugLog.ifPresent(out -> builder.addNetworkInterceptor(new DebugLogInterceptor(out)));
    return builder.build();
  }
}
