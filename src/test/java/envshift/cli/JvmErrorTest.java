package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM Error (here a stack overflow from input nested far deeper than any settings file) is one
 * {@code envshift:} line and exit 1, never a raw JVM trace; --debug shows the trace.
 */
class JvmErrorTest {
  @TempDir Path repo;

  private Cli cli() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    // within every parser bound (brackets, chains), yet ~100,000 operations deep once the
    // left-leaning sums nest: deeper than any default thread stack lets the evaluator walk
    String deep = "x";
    for (int i = 0; i < 99; i++) {
      deep = "(" + deep + "+1".repeat(999) + ")";
    }
    Files.writeString(repo.resolve("configs/deep.py"), "x = 1\nX = " + deep + "\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          staging:
            sources: [configs/deep.py]
        """);
    return new Cli(repo.resolve("home")).cwd(repo);
  }

  @Test
  void aStackOverflowIsOneLineAndExit1() throws IOException {
    Cli.Result r = cli().run("show");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines()).containsExactly(
        "envshift: configs/deep.py: nested too deeply for envshift to read");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
  }

  @Test
  void withDebugTheTraceIsShown() throws IOException {
    Cli.Result r = cli().run("--debug", "show");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().lines().findFirst()).hasValueSatisfying(l -> assertThat(l)
        .startsWith("envshift: "));
    assertThat(r.err()).contains("\tat ");
  }
}
