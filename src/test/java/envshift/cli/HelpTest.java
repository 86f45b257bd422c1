package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every help page ends with examples; the top-level list shows each summary whole. */
class HelpTest {
  private final CommandLine cl = Envshift.commandLine(
      Context.of(Map.of(), Path.of("/nonexistent"), Cli.PROJECT),
      new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));

  @Test
  void everyCommandsHelpEndsWithTwoOrThreeExamples() {
    assertThat(cl.getSubcommands()).isNotEmpty();
    for (CommandLine sub : cl.getSubcommands().values()) {
      assertExamples(sub);
    }
    assertExamples(cl);
  }

  @Test
  void theTopLevelListShowsEveryCommandsSummaryWithoutCuttingIt() {
    String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String flat = usage.replaceAll("\\s+", " ");

    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      CommandLine.Model.UsageMessageSpec spec = e.getValue().getCommandSpec().usageMessage();
      String[] summary = spec.header().length > 0 ? spec.header() : spec.description();
      String sentence = Envshift.firstSentence(summary);
      assertThat(sentence).as(e.getKey()).endsWith(".");
      assertThat(flat).as(e.getKey()).contains(" " + e.getKey() + " " + sentence + " ");
    }
    assertThat(usage.lines()).noneMatch(l -> l.strip().endsWith("..."));
  }

  private static void assertExamples(CommandLine command) {
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    String name = command.getCommandName();
    int at = usage.lastIndexOf("\nExamples:\n");
    assertThat(at).as(name + " has an Examples block").isPositive();
    String[] examples = usage.substring(at + "\nExamples:\n".length()).strip().split("\n");
    assertThat(examples).as(name).hasSizeBetween(2, 3)
        .allMatch(l -> l.strip().startsWith("envshift ") || l.strip().startsWith("echo ")
            || l.strip().startsWith("git "));
  }
}
