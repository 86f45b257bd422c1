package envshift.manifest;

import envshift.EnvshiftException;

/** envshift.yml is missing or wrong. The message starts with {@code envshift.yml:LINE:}. */
public class ManifestException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
