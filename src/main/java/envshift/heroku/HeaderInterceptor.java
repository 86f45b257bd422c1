package envshift.heroku;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds what every Platform API request needs: the version-3 Accept header (unless the caller asked
 * for a variant such as {@code version=3.sdk}), the Bearer token, envshift's User-Agent and a
 * Request-Id (kept across retries so one logical call is traceable as one id).
 */
final class HeaderInterceptor implements Interceptor {
  static final String ACCEPT = "application/vnd.heroku+json; version=3";

  private final String authorization;
  private final String userAgent;

  HeaderInterceptor(String token, String userAgent) {
    this.authorization = "Bearer " + token;
    this.userAgent = userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Request.Builder builder =
        request.newBuilder()
            .header("Authorization", authorization)
            .header("User-Agent", userAgent);
    if (request.header("Accept") == null) {
      builder.header("Accept", ACCEPT);
    }
    if (request.header("Request-Id") == null) {
      builder.header("Request-Id", UUID.randomUUID().toString());
    }
    return chain.proceed(builder.build());
  }

  @Override
  public String toString() {
    return "HeaderInterceptor[" + userAgent + "]";
  }
}
