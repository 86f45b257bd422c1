package envshift.rotate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A rotation that took: the names rotated (never their values), the release, the backup. */
public record Rotated(String env, String app, List<String> names, int release,
    Optional<Path> backup) {
  public Rotated {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(app, "app == null");
    names = List.copyOf(names);
    Objects.requireNonNull(backup, "backup == null");
  }
}
