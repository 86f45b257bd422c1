package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run registers only the subcommand it invokes (start-up time, issue 10); whatever help or an
 * error shows must still be what the whole command tree would show.
 */
class InvokedCommandTest {
  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(Envshift.invoked("show", "--json")).containsExactly(ShowCommand.class);
    assertThat(Envshift.invoked("-q", "--debug", "plan", "--env", "help"))
        .containsExactly(PlanCommand.class);
  }

  @Test
  void versionAloneNeedsNoCommand() {
    assertThat(Envshift.invoked("--version")).isEmpty();
    assertThat(Envshift.invoked("-V")).isEmpty();
  }

  @Test
  void helpUnknownNamesAndNoNameNeedThemAll() {
    assertThat(Envshift.invoked()).isEqualTo(Envshift.COMMANDS);
    assertThat(Envshift.invoked("--help")).isEqualTo(Envshift.COMMANDS);
    assertThat(Envshift.invoked("--version", "-h")).isEqualTo(Envshift.COMMANDS);
    assertThat(Envshift.invoked("help", "show")).isEqualTo(Envshift.COMMANDS);
    assertThat(Envshift.invoked("shwo")).isEqualTo(Envshift.COMMANDS);
    assertThat(Envshift.invoked("--", "show")).isEqualTo(Envshift.COMMANDS);
  }

  @Test
  void everyCommandIsFoundByItsName() {
    for (Class<?> command : Envshift.COMMANDS) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      if (command != CommandLine.HelpCommand.class) {
        assertThat(Envshift.invoked(name)).as(name).containsExactly(command);
      }
    }
  }

  @Test
  void aCommandsHelpIsTheSameAsInTheWholeTree() {
    for (Class<?> command : Envshift.COMMANDS) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      if (command == CommandLine.HelpCommand.class) continue;
      StringWriter alone = new StringWriter();
      Envshift.run(new PrintWriter(alone), new PrintWriter(new StringWriter()), name, "--help");
      StringWriter whole = new StringWriter();
      Envshift.run(new PrintWriter(whole), new PrintWriter(new StringWriter()), "help", name);
      assertThat(alone.toString()).as(name).isEqualTo(whole.toString()).isNotEmpty();
    }
  }

  @Test
  void aMisspeltCommandStillGetsSuggestions() {
    StringWriter err = new StringWriter();
    int code = Envshift.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "shwo");
    assertThat(code).isEqualTo(64);
    assertThat(err.toString()).contains("show");
  }
}
