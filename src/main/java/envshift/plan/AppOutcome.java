package envshift.plan;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What apply did to one app. {@code release} is the Heroku release version a PATCH created;
 * {@code why} says why an app failed or was skipped, or notes how sure an applied app's release
 * is, in one line that never holds a value. {@code backup} is where the config the write replaced
 * was saved (encrypted), when it was.
 */
public record AppOutcome(String env, String app, Status status, Optional<Integer> release,
    Optional<String> why, Optional<Path> backup) {

  /** The closed set of outcomes. */
  public enum Status {
    APPLIED,
    UNCHANGED,
    FAILED,
    SKIPPED;

    /** The lowercase word used in text and JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** An outcome with no backup taken. */
  public AppOutcome(
      String env, String app, Status status, Optional<Integer> release, Optional<String> why) {
    this(env, app, status, release, why, Optional.empty());
  }

  public AppOutcome {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(app, "app == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(release, "release == null");
    Objects.requireNonNull(why, "why == null");
    Objects.requireNonNull(backup, "backup == null");
    if (status == Status.FAILED && why.isEmpty()) {
      throw new IllegalArgumentException(app + ": a failure needs a reason");
    }
    // Reasons come from exception messages; keep the summary one line per app.
    why = why.map(w -> w.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
  }
}
