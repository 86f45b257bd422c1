package envshift.heroku;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor that records that an attempt reached a live connection. OkHttp runs network
 * interceptors only once it holds a connection, so an attempt whose flag stays unset failed while
 * connecting (refused, DNS, connect timeout) and the server never saw it: safe to resend even a
 * PATCH. Once set, the request may have been processed, and a PATCH has to be treated as ambiguous.
 */
final class SentMarker implements Interceptor {
  /** Per-attempt flag, attached to the request as an OkHttp tag by {@link RetryInterceptor}. */
  static final class Flag {
    private volatile boolean set;

    void set() {
      set = true;
    }

    boolean isSet() {
      return set;
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Flag flag = chain.request().tag(Flag.class);
    if (flag != null) {
      flag.set();
    }
    return chain.proceed(chain.request());
  }
}
