package envshift.cli;

import envshift.EnvshiftException;
import envshift.plan.Shown;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Writes to Heroku ask first on a terminal; without one, --yes is required. A destructive write
 * (deleting vars, replacing a config, rotating production secrets) asks the user to type the app
 * name, as the Heroku CLI does: a reflexive {@code y} cannot confirm it.
 */
final class ConfirmOptions {
  @Option(names = {"-y", "--yes"},
      description = "Do not ask for confirmation (required without a terminal).")
  boolean yes;

  /** One line typed at a prompt; empty at end of input. */
  @FunctionalInterface
  interface Prompt {
    Optional<String> readLine(String prompt);
  }

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

  /** {@code y} or {@code yes} confirms. */
  boolean confirmed(Context ctx, String question) {
    return confirmed(ctx, question, List.of());
  }

  /**
   * With {@code typed} app names, only typing them (space-separated, in any order) confirms;
   * without, {@code y} does.
   */
  boolean confirmed(Context ctx, String question, List<String> typed) {
    return yes || confirmed(prompt(ctx), question, typed);
  }

  static boolean confirmed(Prompt prompt, String question, List<String> typed) {
    if (typed.isEmpty()) {
      String answer = prompt.readLine(question + " [y/N] ").orElse("");
      return answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }
    List<String> names = typed.stream().distinct().sorted().toList();
    String shown = Shown.visible(String.join(" ", names));
    String ask = names.size() == 1
        ? question + " This cannot be undone. To proceed, type the app name (" + shown + "): "
        : question + " This cannot be undone. To proceed, type the app names separated by"
            + " spaces (" + shown + "): ";
    String answer = prompt.readLine(ask).orElse("");
    List<String> given = Arrays.stream(answer.strip().split("\\s+"))
        .filter(s -> !s.isEmpty()).distinct().sorted().toList();
    return given.equals(names);
  }

  private static Prompt prompt(Context ctx) {
    // the text goes as an argument, never as the format: an app name may hold a '%'
    return text -> ctx.console().map(c -> c.readLine("%s", text));
  }
}
