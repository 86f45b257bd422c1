package envshift.heroku;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Network interceptor for {@code --debug}: one line per attempt with method, path, status, time,
 * remaining rate limit and Request-Id. Never headers, never bodies (a config-vars body is every
 * secret of the app), never the query string; the two header values it shows are checked for their
 * shape first, as a server or proxy may echo what it was sent into them.
 */
final class DebugLogInterceptor implements Interceptor {
  private final PrintWriter out;

  DebugLogInterceptor(PrintWriter out) {
    this.out = out;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    long start = System.nanoTime();
    String what = request.method() + " " + request.url().encodedPath();
    try {
      Response response = chain.proceed(request);
      String remaining = response.header("RateLimit-Remaining");
      remaining = remaining != null && remaining.matches("-?\\d{1,9}") ? remaining : null;
      write(String.format("heroku: %s -> %d (%d ms, request %s%s)", what, response.code(),
          elapsedMillis(start), requestId(response.header("Request-Id"), request),
          remaining == null ? "" : ", rate limit remaining " + remaining));
      return response;
    } catch (IOException e) {
      write(String.format("heroku: %s -> failed: %s (%d ms, request %s)", what,
          e.getClass().getSimpleName(), elapsedMillis(start), requestId(null, request)));
      throw e;
    }
  }

  private static String requestId(String fromResponse, Request request) {
    return ApiErrors.safeRequestId(fromResponse, request.header("Request-Id"));
  }

  private static long elapsedMillis(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private void write(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
