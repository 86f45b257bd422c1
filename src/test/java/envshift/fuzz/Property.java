package envshift.fuzz;

import envshift.EnvshiftException;

/**
 * The property every fuzz target checks: an input either parses or fails with an {@link
 * EnvshiftException} whose message is one non-blank line. Any other exception, or an {@link Error}
 * (stack overflow, out of memory), escapes and is a finding.
 */
final class Property {
  private Property() {}

  static void parsesOrFailsCleanly(Runnable parse) {
    try {
      parse.run();
    } catch (EnvshiftException e) {
      String message = e.getMessage();
      if (message == null || message.isBlank() || message.indexOf('\n') >= 0
          || message.indexOf('\r') >= 0) {
        throw new AssertionError("not a one-line message: " + e.getClass().getName(), e);
      }
    }
  }
}
