package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings shared by many sources are printed once with a count; {@code --quiet} prints none and
 * says how many it hid; {@code --strict} still fails. Plain invented sources, no keys needed.
 */
class QuietWarningsTest {
  @TempDir Path home;
  private Path repo;

  /** Three settings files that each import os (one warning each) plus one of their own. */
  @BeforeEach
  void repo() throws IOException {
    repo = Files.createDirectories(home.resolve("repo/configs")).getParent();
    for (String name : new String[] {"a", "b", "c"}) {
      Files.writeString(repo.resolve("configs/" + name + ".py"),
          "import os\nNAME_" + name.toUpperCase() + " = 'value-" + name + "'\n");
    }
    Files.writeString(repo.resolve("configs/d.py"),
        "import os\nimport sys\nNAME_D = 'value-d'\n");
    Files.writeString(repo.resolve("envshift.yml"), "version: 1\nenvironments:\n"
        + "  development:\n    sources: [configs/a.py, configs/b.py]\n"
        + "  staging:\n    sources: [configs/a.py, configs/c.py, configs/d.py]\n");
  }

  private Cli.Result run(String... args) {
    return new Cli(home).cwd(repo).run(args);
  }

  @Test
  void aWarningSharedBySourcesIsPrintedOnceWithItsCountAndFirstPlace() {
    Cli.Result r = run("show");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).containsExactly(
        "envshift: warning: skipped import of os (in 4 files, first configs/a.py:1)",
        "envshift: warning: configs/d.py:2: skipped import of sys");
  }

  @Test
  void quietHidesEveryWarningAndCountsThemOnOneLineLeavingStdoutAlone() {
    Cli.Result loud = run("show");
    Cli.Result quiet = run("show", "--quiet");
    Cli.Result before = run("--quiet", "show");

    assertThat(quiet.code()).isZero();
    assertThat(quiet.out()).isEqualTo(loud.out()).contains("NAME_A", "NAME_D");
    assertThat(quiet.errLines()).containsExactly("envshift: 5 warnings hidden (--quiet)");
    assertThat(before.errLines()).isEqualTo(quiet.errLines());
  }

  @Test
  void quietWithNothingToHideSaysNothing() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), "version: 1\nenvironments:\n"
        + "  development:\n    sources: [configs/plain.env]\n");
    Files.writeString(repo.resolve("configs/plain.env"), "A=1\n");

    Cli.Result r = run("show", "-q");

    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void notesAreHiddenAndCountedApart() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), "version: 1\nenvironments:\n"
        + "  development:\n    sources: [configs/none.py]\n");
    Files.writeString(repo.resolve("configs/none.py"), "A = 'x'\nB = None\n");

    Cli.Result loud = run("show");
    Cli.Result quiet = run("show", "--quiet");

    assertThat(loud.errLines()).containsExactly(
        "envshift: note: configs/none.py:2: B is None: no variable is set");
    assertThat(quiet.errLines()).containsExactly("envshift: 1 note hidden (--quiet)");
  }

  @Test
  void strictStillFailsUnderQuietNamingTheFirstWarning() {
    Cli.Result r = run("show", "--quiet", "--strict");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).endsWith("warnings hidden (--quiet)");
    assertThat(r.errLines().get(1)).startsWith("envshift: configs/a.py:1: skipped import of os")
        .endsWith("(--strict: a warning in environment development and 1 more)");
  }
}
