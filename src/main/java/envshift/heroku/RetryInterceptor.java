package envshift.heroku;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Application interceptor that retries what is safe to retry: a 429 (the server refused the
 * request, so it did nothing), and for GET also 5xx and network failures. Any request is retried
 * when it failed before reaching a connection. A PATCH that was sent and then failed is handed back
 * to the caller, which re-reads the config before deciding to resend (see {@link ConfigPatcher}).
 */
final class RetryInterceptor implements Interceptor {
  private final int maxAttempts;
  private final Backoff backoff;
  private final Sleeper sleeper;

  RetryInterceptor(int maxAttempts, Backoff backoff, Sleeper sleeper) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    this.sleeper = sleeper;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD");
    for (int attempt = 1; ; attempt++) {
      SentMarker.Flag sent = new SentMarker.Flag();
      Response response;
      try {
        response = chain.proceed(request.newBuilder().tag(SentMarker.Flag.class, sent).build());
      } catch (IOException e) {
        boolean retryable = (idempotent || !sent.isSet()) && !chain.call().isCanceled();
        if (!retryable || attempt >= maxAttempts) {
          throw new NetworkFailure(attempt, sent.isSet(), e);
        }
        pause(backoff.delay(attempt));
        continue;
      }
      if (attempt >= maxAttempts || !retryable(response.code(), idempotent)) {
        return response;
      }
      Duration delay = Backoff.retryAfter(response).orElse(backoff.delay(attempt));
      response.close(); // OkHttp refuses another proceed() while this response is open.
      pause(delay);
    }
  }

  static boolean retryable(int code, boolean idempotent) {
    return code == 429 || (idempotent && (code == 500 || (code >= 502 && code <= 504)));
  }

  private void pause(Duration delay) throws InterruptedIOException {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
