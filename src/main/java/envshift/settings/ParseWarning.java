package envshift.settings;

import envshift.Origin;
import java.util.Objects;

/**
 * Something the parser skipped or approximated (an import, an unsupported call, os.getenv's default).
 * The message names the construct and the setting, never a value.
 */
public record ParseWarning(Origin origin, String message) {
  public ParseWarning {
    Objects.requireNonNull(origin, "origin == null");
    Objects.requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
