package envshift.heroku;

import envshift.EnvshiftException;
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

  /** The host of an API URL: the {@code machine} to look up in ~/.netrc. */
  public static String host(String apiUrl) {
    HttpUrl url = HttpUrl.parse(apiUrl);
    if (url == null) {
      throw EnvshiftException.usage("heroku: not an http(s) URL: " + apiUrl);
    }
    return url.host();
  }

  private static String checked(String url, String source) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw EnvshiftException.usage(source + ": not an http(s) URL: " + url);
    }
    return url.replaceAll("/+$", "");
  }
}
