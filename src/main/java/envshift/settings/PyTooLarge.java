package envshift.settings;

/**
 * Thrown inside the Python evaluator when a statement would build a value past envshift's bound
 * ({@link ValueSize#LIMIT}, or an integer of more than a million bits), or take more work than
 * {@link PyWork} allows. Unlike {@link
 * PyUnresolved} it is not a skipped setting: no real settings file comes near the bound, so the
 * file is refused with the line of the statement.
 */
final class PyTooLarge extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PyTooLarge() {
    this("builds a value larger than envshift's bound of " + ValueSize.LIMIT
        + " characters (see docs/security.md)");
  }

  PyTooLarge(String message) {
    super(message, null, false, false);
  }
}
