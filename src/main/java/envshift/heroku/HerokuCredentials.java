package envshift.heroku;

import envshift.EnvshiftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API token where the Heroku CLI keeps it: {@code HEROKU_API_KEY} first, then the
 * {@code ~/.netrc} entry for the API host (whose password is the token). The CLI 13's OS keychain
 * and {@code ~/.netrc.gpg} are not read.
 */
public final class HerokuCredentials {
  private static final String MISSING = "no Heroku API token: set HEROKU_API_KEY or run 'heroku "
      + "login' (reads ~/.netrc machine %s)";

  private HerokuCredentials() {}

  /** The token for {@code apiHost} (e.g. {@code api.heroku.com}); never part of any message. */
  public static char[] token(Map<String, String> env, Path home, String apiHost) {
    String fromEnv = env.getOrDefault("HEROKU_API_KEY", "").strip();
    if (!fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Path netrc = home.resolve(".netrc");
    if (!Files.isRegularFile(netrc)) {
      throw new EnvshiftException(String.format(MISSING, apiHost));
    }
    String text;
    try {
      text = Files.readString(netrc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EnvshiftException("cannot read " + netrc + ": " + e.getClass().getSimpleName(), e);
    }
    Optional<String> password = Netrc.password(text, apiHost);
    if (password.isEmpty()) {
      throw new EnvshiftException(String.format(MISSING, apiHost));
    }
    return password.get().toCharArray();
  }
}
