package envshift.manifest;

import envshift.Origin;
import envshift.settings.DotenvFlavor;
import java.util.Objects;
import java.util.Optional;

/**
 * One settings file of an environment: a path relative to the repo root, checked to exist inside
 * it, and the manifest line that names it (for errors about the file as a whole). {@code dialect}
 * names the dotenv reader the legacy app used ({@code {file: P, dialect: compose | python}});
 * {@code as} takes the whole file as one variable of that name ({@code {file: P, as: NAME}}).
 * The two never go together.
 */
public record Source(
    String path, Origin manifestLine, Optional<DotenvFlavor> dialect, Optional<String> as) {
  public Source {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(manifestLine, "manifestLine == null");
    Objects.requireNonNull(dialect, "dialect == null");
    Objects.requireNonNull(as, "as == null");
    if (dialect.isPresent() && as.isPresent()) {
      throw new IllegalArgumentException("dialect and as together: " + path);
    }
  }

  /** A source read by what it is (name and content). */
  public Source(String path, Origin manifestLine) {
    this(path, manifestLine, Optional.empty(), Optional.empty());
  }
}
