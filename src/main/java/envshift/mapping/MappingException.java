package envshift.mapping;

import envshift.EnvshiftException;
import envshift.Origin;

/** A setting that cannot become an env var. The message starts with {@code file:line:}. */
public class MappingException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public MappingException(Origin origin, String message) {
    super(origin + ": " + message);
    this.reason = message;
  }

  /** For failures about a whole environment rather than one setting (the size limit). */
  public MappingException(String message) {
    super(message);
    this.reason = message;
  }

  /** The message without its {@code file:line:} prefix, to be quoted in a warning. */
  String reason() {
    return reason;
  }
}
