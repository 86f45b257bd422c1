package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --strict}, for CI: every conversion warning (a skipped line or setting, a source that
 * yields no variable, dotenv dialects that disagree) becomes an error. The warnings are printed
 * first, as without the flag; the error names the first one.
 */
final class StrictOptions {
  @Option(
      names = "--strict",
      description = "Fail (exit 1) on any conversion warning instead of reading past it (for CI).")
  boolean strict;

  /** Throws when strict and the environment converted with warnings. */
  void check(LoadedEnvironment env) {
    if (!strict) return;
    List<String> warnings = env.allWarnings();
    if (warnings.isEmpty()) return;
    String more = warnings.size() == 1 ? "" : " and " + (warnings.size() - 1) + " more";
    throw new EnvshiftException(warnings.get(0) + " (--strict: a warning in environment "
        + env.environment().name() + more + ")");
  }
}
