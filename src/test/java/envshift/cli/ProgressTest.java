package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Progress is one line on a terminal, rewritten as work is counted and erased before other
 * output; off a terminal, with NO_COLOR or --quiet (shown = false) it prints nothing.
 */
class ProgressTest {
  private final StringWriter err = new StringWriter();
  private final PrintWriter writer = new PrintWriter(err);

  @Test
  void onATerminalACounterRewritesOneLineAndClearEraseIt() {
    Progress progress = new Progress(() -> writer, () -> true);
    Runnable decrypted = progress.counter("decrypting", "file");

    decrypted.run();
    decrypted.run();
    progress.clear();
    progress.clear();

    assertThat(err.toString()).isEqualTo("\r\u001b[Kenvshift: decrypting 1 file"
        + "\r\u001b[Kenvshift: decrypting 2 files" + "\r\u001b[K");
  }

  @Test
  void offATerminalNothingIsPrintedButCountingGoesOn() {
    boolean[] shown = {false};
    Progress progress = new Progress(() -> writer, () -> shown[0]);
    Runnable read = progress.counter("reading", "app");

    read.run();
    progress.clear();
    assertThat(err.toString()).isEmpty();

    shown[0] = true;
    read.run();
    assertThat(err.toString()).isEqualTo("\r\u001b[Kenvshift: reading 2 apps");
  }

  @Test
  void aCommandRunWithoutATerminalPrintsNoProgress() throws Exception {
    java.nio.file.Path repo = RepoCopy.of("django-blackbox",
        java.nio.file.Files.createTempDirectory("progress"));
    Cli.Result r = new Cli(repo.resolveSibling("home")).cwd(repo)
        .run("show", "--secret-key", Cli.fixture("keys/deploy-rsa.asc"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("\u001b").doesNotContain("decrypting");
  }
}
