package envshift.cli;

import envshift.EnvshiftException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns any exception escaping a command into one line on stderr and an exit code. The stack trace
 * is printed only with --debug. Messages of foreign exceptions are never printed, not even in the
 * trace: a parser's or library's message may quote its input (a decrypted line, a YAML snippet, a
 * response body), so only their type and frames are shown. EnvshiftException messages are safe by
 * contract.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    err.println("envshift: " + describe(ex));
    if (debugRequested(parseResult)) {
      printTrace(ex, err);
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

  /** Like {@link Throwable#printStackTrace}, with foreign messages left out. */
  static void printTrace(Throwable ex, PrintWriter err) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    String prefix = "";
    for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
      err.println(prefix + headline(t));
      for (StackTraceElement frame : t.getStackTrace()) {
        err.println("\tat " + frame);
      }
      for (Throwable suppressed : t.getSuppressed()) {
        err.println("\tSuppressed: " + headline(suppressed));
      }
      prefix = "Caused by: ";
    }
  }

  private static String headline(Throwable t) {
    String name = t.getClass().getName();
    return t instanceof EnvshiftException ? name + ": " + t.getMessage() : name;
  }

  private static boolean debugRequested(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      if (pr.hasMatchedOption("--debug")) return true;
    }
    return false;
  }
}
