package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README stays true: its first command works from the project root, its exit codes exist. */
class ReadmeTest {
  @TempDir Path home;

  @Test
  void theFirstCommandOfTheReadmeShowsTheDemoRepoMasked() throws IOException {
    String command = firstShellCommand();
    assertThat(command).startsWith("./envshift show ");
    String[] args = command.substring("./envshift ".length()).split("\\s+");

    Cli.Result r = new Cli(home).cwd(Cli.PROJECT).run(args);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("staging (", "production (", "DATABASE_URL", " chars>");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void theExitCodesTableListsWhatTheCommandsReturn() throws IOException {
    String readme = Files.readString(Cli.PROJECT.resolve("README.md"));
    Cli.Result help = new Cli(home).run("--help");

    for (int code : List.of(0, 1, 2, 64)) {
      assertThat(readme).contains("| " + code + " | ");
      assertThat(help.out()).containsPattern("(?m)^  " + code + " +\\S");
    }
  }

  private static String firstShellCommand() throws IOException {
    String readme = Files.readString(Cli.PROJECT.resolve("README.md"));
    Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("a ```sh block in README.md").isTrue();
    List<String> lines = new ArrayList<>(Arrays.asList(block.group(1).strip().split("\n")));
    lines.removeIf(l -> l.isBlank() || l.startsWith("#"));
    return lines.get(0).strip();
  }
}
