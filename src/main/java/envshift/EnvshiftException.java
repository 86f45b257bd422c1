package envshift;

/**
 * The one exception type that crosses package edges. Its message is a single line that names the file
 * (and line) or the key at fault — never a secret value — and {@link #exitCode()} is what the process
 * exits with. Library exceptions (Bouncy Castle, Jackson, OkHttp) are translated into this at the edge of
 * the package that calls the library.
 */
public class EnvshiftException extends RuntimeException {
  /** Success. */
  public static final int OK = 0;
  /** Bad input, decryption, parse, API or network failure. */
  public static final int ERROR = 1;
  /** Differences found: plan with --detailed-exitcode, drift findings. */
  public static final int DIFFERENCES = 2;
  /** The command line itself is wrong. */
  public static final int USAGE = 64;

  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public EnvshiftException(String message) {
    this(message, ERROR, null);
  }

  public EnvshiftException(String message, Throwable cause) {
    this(message, ERROR, cause);
  }

  public EnvshiftException(String message, int exitCode, Throwable cause) {
    super(oneLine(message), cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }

  public static EnvshiftException usage(String message) {
    return new EnvshiftException(message, USAGE, null);
  }

  private static String oneLine(String message) {
    return message == null ? "error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
