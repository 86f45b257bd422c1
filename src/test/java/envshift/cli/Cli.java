package envshift.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs envshift in-process with a controlled environment, capturing stdout and stderr. */
final class Cli {
  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path FIXTURES = PROJECT.resolve("fixtures");
  static final String CANARY = "CANARY-5e2f0c1d";

  private final Map<String, String> env = new HashMap<>();
  private final Path home;
  private Path cwd = PROJECT;
  private boolean readAhead = true;

  Cli(Path home) {
    this.home = home;
    // An empty GNUPGHOME so a developer's own ~/.gnupg is never read by tests.
    env.put("GNUPGHOME", home.resolve("no-gnupg").toString());
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Cli cwd(Path dir) {
    this.cwd = dir;
    return this;
  }

  /** Every source read on the command's thread, one by one (the read-ahead's reference). */
  Cli withoutReadAhead() {
    this.readAhead = false;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Context context = Context.of(env, home, cwd);
    int code = Envshift.run(readAhead ? context : context.withoutReadAhead(),
        new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  record Result(int code, String out, String err) {
    String both() {
      return out + err;
    }

    /** stderr's lines, without the trailing empty one. */
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static String fixture(String relative) {
    return FIXTURES.resolve(relative).toString();
  }
}
