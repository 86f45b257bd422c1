package envshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Build time ({@code mvn package}, before the tarball is assembled): writes the man pages and the
 * shell completion of the command line under an install prefix, generated from the picocli model
 * so they never drift from the commands.
 */
public final class InstallFiles {
  static final String MAN_DIR = "share/man/man1";
  static final String BASH_COMPLETION = "share/bash-completion/completions/envshift";
  static final String ZSH_COMPLETION = "share/zsh/site-functions/_envshift";

  private InstallFiles() {}

  /** {@code args[0]}: the prefix to write under (created when missing). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: InstallFiles PREFIX");
    }
    write(Path.of(args[0]));
  }

  static void write(Path prefix) throws IOException {
    CommandLine cl = commandLine();
    writeManPages(cl.getCommandSpec(), prefix.resolve(MAN_DIR));
    String bash = bashCompletion(cl);
    write(prefix.resolve(BASH_COMPLETION), bash);
    write(prefix.resolve(ZSH_COMPLETION), zshCompletion(bash));
  }

  private static CommandLine commandLine() {
    PrintWriter nowhere = new PrintWriter(new StringWriter());
    return Envshift.commandLine(Context.system(), nowhere, nowhere);
  }

  private static void writeManPages(CommandSpec spec, Path dir) throws IOException {
    write(dir.resolve(ManPage.fileName(spec)), ManPage.of(spec, Version.VERSION));
    for (CommandSpec sub : ManPage.subcommands(spec)) {
      writeManPages(sub, dir);
    }
  }

  /** picocli's bash script: defines {@code _complete_envshift} and registers it for envshift. */
  static String bashCompletion(CommandLine cl) {
    return AutoComplete.bash("envshift", cl);
  }

  /**
   * zsh runs the same bash function through its bashcompinit emulation, rather than a second
   * generator to keep in step (picocli's script loads bashcompinit itself under zsh). A file in
   * site-functions is autoloaded as the function {@code _envshift} on the first completion: it
   * defines and registers the bash function, then answers that first call with it; later calls go
   * straight to the registered function.
   */
  static String zshCompletion(String bash) {
    return "#compdef envshift\n"
        + "# Generated from the envshift command line: its bash completion, through bashcompinit.\n"
        + bash
        + "\n_bash_complete -F _complete_envshift \"$@\"\n";
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
