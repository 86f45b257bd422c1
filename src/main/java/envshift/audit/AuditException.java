package envshift.audit;

import envshift.EnvshiftException;

/** Drift could not select or read the apps it was asked about (not an API failure as such). */
public final class AuditException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  AuditException(String message) {
    super(message);
  }
}
