package envshift.heroku;

import envshift.EnvshiftException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Chooses the API base URL the way the Heroku CLI does ({@code @heroku-cli/command} vars.ts): an
 * explicit {@code --api-url} wins, then {@code HEROKU_HOST} (a value starting with {@code http} is
 * the API URL itself, anything else is a domain: {@code https://api.<domain>}), then
 * {@code https://api.heroku.com}.
 */
public final class ApiEndpoint {
  public static final String DEFAULT_URL = "https://api.heroku.com";

  private ApiEndpoint() {}

  public static String resolve(Map<String, String> env, Optional<String> apiUrlFlag) {
    if (apiUrlFlag.isPresent()) {
      return checked(apiUrlFlag.get().strip(), "--api-url");
    }
    String host = env.getOrDefault("HEROKU_HOST", "").strip();
    if (host.isEmpty()) {
      return DEFAULT_URL;
    }
    if (host.startsWith("http")) {
      return checked(host, "HEROKU_HOST");
    }
    return checked("https://api." + host, "HEROKU_HOST");
  }

  /**
   * The {@code machine} to look up in ~/.netrc for an API URL: its host, with {@code :PORT} when
   * the URL names a port. This is the Heroku CLI's {@code vars.apiHost}
   * ({@code @heroku-cli/command} vars.ts): Node's legacy {@code url.parse(HEROKU_HOST).host},
   * which keeps a port written in the URL, or {@code api.<HEROKU_HOST>} verbatim, port included;
   * so {@code HEROKU_HOST=http://127.0.0.1:5000} reads {@code machine 127.0.0.1:5000}, and the
   * CLI and envshift share one netrc entry.
   */
  public static String netrcMachine(String apiUrl) {
    HttpUrl url = HttpUrl.parse(apiUrl);
    if (url == null) {
      throw EnvshiftException.usage("heroku: not an http(s) URL: " + apiUrl);
    }
    int written = writtenPort(apiUrl, url);
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return written == -1 ? host : host + ":" + written;
  }

  /** HttpUrl forgets whether a port was written; java.net.URI keeps it (-1 when absent). */
  private static int writtenPort(String apiUrl, HttpUrl url) {
    try {
      return URI.create(apiUrl).getPort();
    } catch (IllegalArgumentException e) { // a URL only OkHttp's lenient parser takes
      return url.port() == HttpUrl.defaultPort(url.scheme()) ? -1 : url.port();
    }
  }

  private static String checked(String url, String source) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw EnvshiftException.usage(source + ": not an http(s) URL: " + url);
    }
    return url.replaceAll("/+$", "");
  }
}
