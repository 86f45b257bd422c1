package envshift.rotate;

import envshift.EnvshiftException;

/** A rotation refused before anything was written, or one that failed (and what was restored). */
public final class RotationException extends EnvshiftException {
  public RotationException(String message) {
    super(message);
  }

  public RotationException(String message, Throwable cause) {
    super(message, cause);
  }
}
