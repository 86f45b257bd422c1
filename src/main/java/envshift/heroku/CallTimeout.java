package envshift.heroku;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A request ran into the overall call timeout: it was cut off however far it had got (connecting,
 * waiting, or reading a dripping answer). Names the request kind ({@code GET config-vars}) so the
 * one-line error says what took too long; a PATCH cut off this way is ambiguous like a reset.
 */
final class CallTimeout extends IOException {
  private static final long serialVersionUID = 1L;

  private final String kind;
  private final Duration limit;

  CallTimeout(String kind, Duration limit, IOException cause) {
    super(kind + ": call timeout", cause);
    this.kind = kind;
    this.limit = limit;
  }

  /** {@code GET config-vars: no complete answer within 120 s (...)}. */
  String describe() {
    return kind + ": " + reason();
  }

  /** {@code no complete answer within 120 s (...)}, without the request kind. */
  String reason() {
    return "no complete answer within " + seconds(limit)
        + " (the overall call timeout, --api-timeout)";
  }

  static String seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
  }

  /**
   * The method and what follows the app or pipeline in the path: {@code GET config-vars}, {@code
   * GET releases}, {@code PATCH config-vars}, {@code GET app}, {@code POST filters/apps}.
   */
  static String kind(Request request, HttpUrl base) {
    List<String> path = request.url().pathSegments();
    int skip = (int) base.pathSegments().stream().filter(s -> !s.isEmpty()).count();
    List<String> own = path.subList(Math.min(skip, path.size()), path.size());
    String what;
    if (own.size() >= 2 && (own.get(0).equals("apps") || own.get(0).equals("pipelines"))) {
      List<String> rest = own.subList(2, own.size());
      what = rest.isEmpty() ? own.get(0).substring(0, own.get(0).length() - 1)
          : String.join("/", rest);
    } else {
      what = String.join("/", own);
    }
    return request.method() + " " + what;
  }
}
