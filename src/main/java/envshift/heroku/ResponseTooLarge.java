package envshift.heroku;

import java.io.IOException;

/**
 * A response whose body passed {@link Transport#MAX_BODY_BYTES}: the server answered (with
 * {@code status}), but envshift read no further. Carries no byte of the body.
 */
final class ResponseTooLarge extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ResponseTooLarge(int status) {
    super("a response body over " + Transport.MAX_BODY_BYTES + " bytes (envshift's bound, see "
        + "docs/security.md)");
    this.status = status;
  }

  int status() {
    return status;
  }
}
