package envshift.cli;

import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import java.io.PrintWriter;

/** Parse warnings and mapping notes of a converted environment: one line each, on stderr. */
final class ConversionNotes {
  private ConversionNotes() {}

  static void print(LoadedEnvironment env, PrintWriter err) {
    env.warnings()
        .forEach(w -> err.println("envshift: warning: " + w.origin() + ": " + w.message()));
    env.vars()
        .notes()
        .forEach(n -> err.println("envshift: " + (n.isWarning() ? "warning" : "note") + ": "
            + n.origin() + ": " + n.message()));
  }
}
