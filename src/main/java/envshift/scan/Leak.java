package envshift.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of {@code scan}: a file at {@code path} that is, or held, a plaintext twin of an
 * encrypted file ({@link Kind#TWIN}, no variable), or that holds the value of {@code variable}
 * from {@code environment}'s decrypted sources ({@link Kind#VALUE}). {@code inTree}: tracked now.
 * {@code firstCommit}/{@code lastCommit}: the oldest and newest commit that wrote it there (empty
 * when history was not read). Never a value.
 */
public record Leak(
    Kind kind,
    String path,
    Optional<String> environment,
    Optional<String> variable,
    boolean inTree,
    Optional<String> firstCommit,
    Optional<String> lastCommit,
    Live live) {
  public enum Kind {
    TWIN("plaintext-twin"),
    VALUE("secret-value");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The name used in text and JSON output (a stable contract). */
    public String label() {
      return label;
    }
  }

  /** Whether the leaked value is still the one the environment's app runs with. */
  public enum Live {
    YES("yes"),
    NO("no"),
    UNKNOWN("unknown"),
    /** A twin names no variable: there is nothing to compare. */
    NOT_APPLICABLE("n/a");

    private final String label;

    Live(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Leak {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(environment, "environment == null");
    Objects.requireNonNull(variable, "variable == null");
    Objects.requireNonNull(firstCommit, "firstCommit == null");
    Objects.requireNonNull(lastCommit, "lastCommit == null");
    Objects.requireNonNull(live, "live == null");
  }
}
