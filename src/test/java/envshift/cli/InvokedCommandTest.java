package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;

/**
 * A run builds only the subcommand it invokes (start-up time, issue 10); whatever help or an
 * error shows must still be byte for byte what the whole command tree shows.
 */
class InvokedCommandTest {
  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(Envshift.invoked("show", "--json"))
        .isEqualTo(new Envshift.Registration(List.of(ShowCommand.class), false));
    assertThat(Envshift.invoked("-q", "--debug", "plan", "--env", "help"))
        .isEqualTo(new Envshift.Registration(List.of(PlanCommand.class), false));
  }

  @Test
  void versionAloneNeedsNoCommand() {
    assertThat(Envshift.invoked("--version")).isEqualTo(new Envshift.Registration(List.of(), false));
    assertThat(Envshift.invoked("-V")).isEqualTo(new Envshift.Registration(List.of(), false));
  }

  @Test
  void helpAndErrorsOutlineTheRest() {
    Envshift.Registration outlines = new Envshift.Registration(List.of(HelpCommand.class), true);
    assertThat(Envshift.invoked()).isEqualTo(outlines);
    assertThat(Envshift.invoked("--help")).isEqualTo(outlines);
    assertThat(Envshift.invoked("--version", "-h")).isEqualTo(outlines);
    assertThat(Envshift.invoked("help")).isEqualTo(outlines);
    assertThat(Envshift.invoked("shwo")).isEqualTo(outlines);
    assertThat(Envshift.invoked("--", "show")).isEqualTo(outlines);
    assertThat(Envshift.invoked("help", "show")).isEqualTo(
        new Envshift.Registration(List.of(HelpCommand.class, ShowCommand.class), true));
    assertThat(Envshift.invoked("-h", "show", "--env", "x")).isEqualTo(
        new Envshift.Registration(List.of(HelpCommand.class, ShowCommand.class), true));
  }

  @Test
  void everyCommandIsFoundByItsName() {
    for (Class<?> command : Envshift.COMMANDS) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      if (command != HelpCommand.class) {
        assertThat(Envshift.invoked(name).built()).as(name).containsExactly(command);
      }
    }
  }

  @Test
  void aCommandsHelpIsTheSameAsInTheWholeTree() {
    for (Class<?> command : Envshift.COMMANDS) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      if (command == HelpCommand.class) continue;
      String alone = run(name, "--help");
      assertThat(alone).as(name).isEqualTo(run("help", name)).isNotEmpty()
          .isEqualTo(wholeTree(name, "--help"));
    }
  }

  /** Top-level help, usage errors and suggestions, with outlines, against the whole tree. */
  @ParameterizedTest
  @ValueSource(strings = {"--help", "-h", "help", "", "shwo", "--no-such-option", "-h show",
      "help nosuch", "-qh", "-V -h", "show --nosuch", "-q", "--reveal show", "--bogus show",
      "- show", "-qx show", "-qh show", "-qV"})
  void listingsAreTheSameAsInTheWholeTree(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ");
    assertThat(run(args)).as(line).isEqualTo(wholeTree(args)).isNotEmpty();
  }

  @Test
  void anArgumentFileRunsWhatItNames(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path args = java.nio.file.Files.writeString(dir.resolve("args"), "show\n--repo\n" + dir + "\n");
    assertThat(run("@" + args)).isEqualTo(wholeTree("@" + args)).contains("envshift.yml");
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    int code = Envshift.run(context(), new PrintWriter(out), new PrintWriter(out), args);
    return code + "\n" + out;
  }

  private static String wholeTree(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Envshift.commandLine(context(), new PrintWriter(out), new PrintWriter(out));
    int code = cl.execute(args);
    return code + "\n" + out;
  }

  private static Context context() {
    return Context.of(Map.of(), Path.of("/nonexistent-home"), Path.of("/nonexistent-cwd"));
  }
}
