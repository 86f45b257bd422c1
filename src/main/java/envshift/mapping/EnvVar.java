package envshift.mapping;

import envshift.Origin;
import envshift.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One environment variable: its final name, its value and the setting it came from. */
public record EnvVar(String name, Secret value, Origin origin) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  public EnvVar {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(origin, "origin == null");
  }

  /**
   * Why {@code name} cannot be a config var, or empty when it can. Heroku reserves {@code HEROKU_}
   * and shells treat {@code __} names as internal, so both are refused along with non-identifiers.
   */
  public static Optional<String> nameProblem(String name) {
    return syntaxProblem(name).or(() -> herokuProblem(name));
  }

  /** Why {@code name} cannot be an environment variable anywhere (a .env or an app). */
  public static Optional<String> syntaxProblem(String name) {
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "is not a valid environment variable name (expected [A-Za-z_][A-Za-z0-9_]*)");
    }
    return Optional.empty();
  }

  /** Why Heroku reserves {@code name}: only matters where a Heroku app is the target. */
  public static Optional<String> herokuProblem(String name) {
    if (name.startsWith("HEROKU_")) {
      return Optional.of("starts with HEROKU_, a prefix Heroku reserves for itself");
    }
    if (name.startsWith("__")) {
      return Optional.of("starts with __, a prefix reserved for internal variables");
    }
    return Optional.empty();
  }
}
