package envshift.repo;

import envshift.EnvshiftException;

/** A repo could not be scanned, or {@code envshift.yml} could not be written. Exit code 1. */
public final class RepoException extends EnvshiftException {
  private static final long serialVersionUID = 1L;

  RepoException(String message) {
    super(message);
  }

  RepoException(String message, Throwable cause) {
    super(message, cause);
  }
}
