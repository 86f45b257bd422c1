package envshift.settings;

/**
 * Thrown inside the Python evaluator when a value cannot be known without running code; caught per
 * statement, where it turns into a skipped setting and a warning. The reason names the construct
 * ("calls os.path.join()"), never a value. {@code root} is the first cause along a chain of
 * references.
 */
final class PyUnresolved extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String root;

  PyUnresolved(String reason) {
    this(reason, reason);
  }

  PyUnresolved(String reason, String root) {
    super(reason, null, false, false);
    this.root = root;
  }

  String reason() {
    return getMessage();
  }

  String root() {
    return root;
  }
}
