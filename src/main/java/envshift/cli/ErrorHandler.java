package envshift.cli;

import envshift.EnvshiftException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns any exception escaping a command into one line on stderr and an exit code. The stack trace is
 * printed only with --debug. Messages of foreign exceptions are not printed at all: they may quote input
 * (a decrypted line, a response body), so only their type is named.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    err.println("envshift: " + describe(ex));
    if (debugRequested(parseResult)) {
      ex.printStackTrace(err);
    } else if (!(ex instanceof EnvshiftException)) {
      err.println("envshift: rerun with --debug for details");
    }
    err.flush();
    return exitCodeOf(ex);
  }

  static int exitCodeOf(Throwable ex) {
    if (ex instanceof EnvshiftException e) return e.exitCode();
    if (ex instanceof CommandLine.ParameterException) return EnvshiftException.USAGE;
    return EnvshiftException.ERROR;
  }

  static String describe(Throwable ex) {
    if (ex instanceof EnvshiftException) return ex.getMessage();
    return "internal error (" + ex.getClass().getSimpleName() + ")";
  }

  private static boolean debugRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) return true;
    }
    return false;
  }
}
