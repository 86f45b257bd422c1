package envshift.rotate;

import envshift.heroku.NewRelease;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rotation that took: the names rotated (never their values), the release it made (told by
 * version, with a note when that is unsure), the backup.
 */
public record Rotated(String env, String app, List<String> names, NewRelease release,
    Optional<Path> backup) {
  public Rotated {
    Objects.requireNonNull(env, "env == null");
    Objects.requireNonNull(app, "app == null");
    names = List.copyOf(names);
    Objects.requireNonNull(release, "release == null");
    Objects.requireNonNull(backup, "backup == null");
  }
}
