package envshift.manifest;

import envshift.Origin;
import java.util.Objects;

/**
 * One settings file of an environment: a path relative to the repo root, checked to exist inside
 * it, and the manifest line that names it (for errors about the file as a whole).
 */
public record Source(String path, Origin manifestLine) {
  public Source {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(manifestLine, "manifestLine == null");
  }
}
