package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages and shell completion the tarball ships, as `mvn package` generates them. */
class InstallFilesTest {
  @TempDir static Path prefix;

  @BeforeAll
  static void generate() throws IOException {
    InstallFiles.write(prefix);
  }

  @Test
  void everyCommandHasAManPage() throws IOException {
    List<String> expected = new ArrayList<>(List.of("envshift.1"));
    Envshift.commandLine(Context.system(), nowhere(), nowhere()).getSubcommands().values().stream()
        .map(c -> c.getCommandSpec().name()).distinct().filter(n -> !n.equals("help"))
        .forEach(n -> expected.add("envshift-" + n + ".1"));

    try (Stream<Path> pages = Files.list(prefix.resolve("share/man/man1"))) {
      assertThat(pages.map(p -> p.getFileName().toString()))
          .contains("envshift-show.1", "envshift-apply.1", "envshift-run.1")
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theManPageOfShowRendersWithManAndListsItsOptions() {
    assumeTrue(Shell.has("man"), "man is not installed");
    Shell man = Shell.run(prefix, Map.of("MANWIDTH", "100", "MANPAGER", "cat", "PAGER", "cat"),
        "man", "-l", prefix.resolve("share/man/man1/envshift-show.1").toString());

    assertThat(man.code()).as(man.err()).isZero();
    assertThat(man.err()).isEmpty();
    assertThat(man.out()).contains("ENVSHIFT-SHOW(1)", "NAME", "envshift-show - Show the variables",
        "SYNOPSIS", "envshift show [-hqV]", "OPTIONS", "--reveal", "--secret-key FILE",
        "EXIT STATUS", "64", "envshift(1)");
  }

  @Test
  void theRootPageNamesEachCommandsPage() throws IOException {
    String page = Files.readString(prefix.resolve("share/man/man1/envshift.1"));
    assertThat(page).startsWith(".TH \"ENVSHIFT\" 1 ")
        .contains(".SH \"COMMANDS\"", "envshift\\-show(1)", "envshift\\-rotate(1)");
  }

  @Test
  void bashCompletesApToApply() {
    assumeTrue(Shell.has("bash"), "bash is not installed");
    assertThat(bashCompletions("envshift", "ap")).containsExactly("apply");
    assertThat(bashCompletions("envshift", "show", "--rev")).containsExactly("--reveal");
  }

  @Test
  void zshLoadsTheSameCompletionThroughBashcompinit() throws IOException {
    String zsh = Files.readString(prefix.resolve(InstallFiles.ZSH_COMPLETION));
    String bash = Files.readString(prefix.resolve(InstallFiles.BASH_COMPLETION));
    assertThat(zsh).startsWith("#compdef envshift\n").contains(bash)
        .endsWith("_bash_complete -F _complete_envshift \"$@\"\n");
    assertThat(bash).contains("bashcompinit", "complete -F _complete_envshift");
  }

  private static PrintWriter nowhere() {
    return new PrintWriter(new StringWriter());
  }

  /** What the bash completion function offers for the words typed so far (the last one partial). */
  private static List<String> bashCompletions(String... words) {
    String line = String.join(" ", words);
    String script = "source \"$1\"; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE};"
        + " COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + ";"
        + " _complete_envshift envshift '" + words[words.length - 1] + "' '"
        + words[words.length - 2] + "'; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Shell bash = Shell.run(prefix, Map.of(), "bash", "-c", script, "bash",
        prefix.resolve(InstallFiles.BASH_COMPLETION).toString());
    assertThat(bash.code()).as(bash.err()).isZero();
    return bash.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
