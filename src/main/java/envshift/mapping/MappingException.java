package envshift.mapping;

import envshift.EnvshiftException;
import envshift.Origin;

/** A setting that cannot become an env var. The message starts with {@code file:line:}. */
public class MappingException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  public MappingException(Origin origin, String message) {
    super(origin + ": " + message);
  }

  /** For failures about a whole environment rather than one setting (the size limit). */
  public MappingException(String message) {
    super(message);
  }
}
