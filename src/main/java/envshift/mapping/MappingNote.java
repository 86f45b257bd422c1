package envshift.mapping;

import envshift.Origin;
import java.util.Objects;

/**
 * Something the mapping did besides copying a setting: a None left out, a var overridden by a later
 * source, dropped or renamed by the manifest, or a part of a setting that no env var can carry. The
 * message names settings and files, never values.
 */
public record MappingNote(Origin origin, String name, Kind kind, String message) {
  public enum Kind {
    OMITTED_NONE,
    OVERRIDDEN,
    DROPPED,
    RENAMED,
    /** A part of a setting no env var can carry (an OPTIONS entry): the rest is mapped. */
    SKIPPED,
    /** A whole setting that cannot be mapped (a bad port, a bad name): left out of the vars. */
    UNMAPPABLE
  }

  /** Something was lost on the way: a warning, which {@code --strict} turns into an error. */
  public boolean isWarning() {
    return kind == Kind.SKIPPED || kind == Kind.UNMAPPABLE;
  }

  public MappingNote {
    Objects.requireNonNull(origin, "origin == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
