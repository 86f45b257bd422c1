package envshift.rotate;

import envshift.EnvshiftException;
import envshift.manifest.ManifestEditor;
import envshift.manifest.ManifestLoader;
import envshift.manifest.ManifestWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Records rotated names under {@code environments.ENV.live} in envshift.yml: from then on the app
 * owns them, and plan, apply, drift and cleanup leave them alone instead of offering the retired
 * source value back. Prepared before the rotation, so a manifest that cannot take the edit stops
 * it before anything is written; written only after the rotation took.
 */
public final class LiveRecord {
  private final Path repoRoot;
  private final String env;
  private final List<String> names;
  private final String before;
  private final String after;

  private LiveRecord(Path repoRoot, String env, List<String> names, String before, String after) {
    this.repoRoot = repoRoot;
    this.env = env;
    this.names = List.copyOf(names);
    this.before = before;
    this.after = after;
  }

  /** The edit for {@code names}, checked to load as a manifest; nothing is written yet. */
  public static LiveRecord prepare(Path repoRoot, String env, List<String> names) {
    Objects.requireNonNull(repoRoot, "repoRoot == null");
    String before = ManifestWriter.read(repoRoot);
    String after = ManifestEditor.withLive(before, env, names);
    ManifestLoader.parse(after, ManifestLoader.FILE_NAME, repoRoot);
    return new LiveRecord(repoRoot, env, names, before, after);
  }

  /**
   * Writes the edit (redone if the file changed meanwhile); one line for the user, or empty when
   * every name was already listed. A failure says the rotation stands and what to add by hand.
   */
  public Optional<String> write() {
    try {
      String now = ManifestWriter.read(repoRoot);
      String edited = now.equals(before) ? after : ManifestEditor.withLive(now, env, names);
      if (!ManifestWriter.replace(repoRoot, now, edited)) return Optional.empty();
    } catch (EnvshiftException e) {
      throw new EnvshiftException("rotated on Heroku, but " + ManifestLoader.FILE_NAME
          + " was not updated (" + e.getMessage() + "): add " + String.join(", ", names)
          + " to environments." + env + ".live by hand, or plan will offer the old values back",
          e);
    }
    return Optional.of(ManifestLoader.FILE_NAME + ": environments." + env + ".live lists "
        + String.join(", ", names) + " (the app owns them now: plan, apply and cleanup leave "
        + "them alone)");
  }

  @Override
  public String toString() {
    return "LiveRecord[" + env + ", " + names + "]";
  }
}
