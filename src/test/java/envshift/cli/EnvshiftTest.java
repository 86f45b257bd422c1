package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class EnvshiftTest {
  @Test
  void unknownOptionIsAUsageErrorWithExit64() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Envshift.run(new PrintWriter(out), new PrintWriter(err), "--no-such-option");
    assertThat(code).isEqualTo(64);
    assertThat(err.toString()).contains("--no-such-option");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void versionGoesToStdoutWithTheCommitItWasBuiltFrom() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Envshift.run(new PrintWriter(out), new PrintWriter(err), "--version");
    assertThat(code).isZero();
    // the commit is "unknown" when the build ran outside git
    assertThat(out.toString())
        .matches("envshift \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{7,}|unknown)\\)\\R");
  }
}
