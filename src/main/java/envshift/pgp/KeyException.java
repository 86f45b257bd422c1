package envshift.pgp;

import envshift.EnvshiftException;

/** A key file, keyring or GnuPG home could not be used, or a recipient could not be resolved. */
public final class KeyException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  KeyException(String message) {
    super(message);
  }

  KeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
