package envshift.cli;

import envshift.EnvshiftException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Writes to Heroku ask first on a terminal; without one, --yes is required. */
final class ConfirmOptions {
  @Option(names = {"-y", "--yes"},
      description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  void requireYesWithoutTerminal(Context ctx) {
    if (!yes && !ctx.interactive()) {
      throw EnvshiftException.usage(
          "no terminal to confirm on: pass --yes to write without asking");
    }
  }

  /** True when {@link #confirmed} will put a question on the terminal. */
  boolean asks() {
    return !yes;
  }

  boolean confirmed(Context ctx, String question) {
    if (yes) return true;
    String answer = ctx.console().map(c -> c.readLine("%s [y/N] ", question)).orElse("");
    return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
  }
}
