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
 * {@code .netrc} entry for the API host (whose password is the token). The netrc is
 * {@code $HOME/.netrc}, as netrc-parser finds it (its {@code homedir}: Node's {@code os.homedir()},
 * which on POSIX is {@code $HOME} when set, else the user database's home); the machine is
 * {@link ApiEndpoint#netrcMachine}. The CLI 13's OS keychain and {@code ~/.netrc.gpg} are not read.
 */
public final class HerokuCredentials {
  private HerokuCredentials() {}

  /**
   * Where the token was looked for and not found, as one line: {@code machine} is the netrc
   * machine (e.g. {@code api.heroku.com}, {@code 127.0.0.1:5000}).
   */
  private static EnvshiftException missing(Path netrc, String machine, String hint) {
    return new EnvshiftException("no Heroku API token: set HEROKU_API_KEY or run 'heroku login' "
        + "(reads " + netrc + " machine " + machine + hint + ")");
  }

  /** The netrc the Heroku CLI reads: under {@code $HOME} when set, else {@code home}. */
  public static Path netrcFile(Map<String, String> env, Path home) {
    String fromEnv = env.getOrDefault("HOME", "");
    return (fromEnv.isEmpty() ? home : Path.of(fromEnv)).resolve(".netrc");
  }

  /** The token for {@code machine} (see {@link ApiEndpoint#netrcMachine}); never in a message. */
  public static char[] token(Map<String, String> env, Path home, String machine) {
    String fromEnv = env.getOrDefault("HEROKU_API_KEY", "").strip();
    if (!fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Path netrc = netrcFile(env, home);
    if (!Files.isRegularFile(netrc)) {
      throw missing(netrc, machine, "");
    }
    String text;
    try {
      text = Files.readString(netrc, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EnvshiftException("cannot read " + netrc + ": " + e.getClass().getSimpleName(), e);
    }
    Optional<String> password = Netrc.password(text, machine);
    if (password.isEmpty()) {
      throw missing(netrc, machine, portlessHint(text, machine));
    }
    return password.get().toCharArray();
  }

  /**
   * The Heroku CLI does not fall back from {@code host:port} to {@code host}, so neither does
   * envshift; but an entry for the bare host is most likely meant, so the message says why it was
   * not used.
   */
  private static String portlessHint(String text, String machine) {
    int colon = machine.lastIndexOf(':');
    if (colon < 0 || machine.endsWith("]")) {
      return "";
    }
    String bare = machine.substring(0, colon);
    return Netrc.password(text, bare).isPresent()
        ? "; an entry for " + bare + " without the port is not used, as with the Heroku CLI" : "";
  }
}
