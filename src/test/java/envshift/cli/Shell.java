package envshift.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A program run to completion (a shell, man, a launcher script), for the install-file tests. */
record Shell(int code, String out, String err) {
  /** Whether {@code program} is on PATH; tests of what it does are skipped without it. */
  static boolean has(String program) {
    return run(Path.of("."), Map.of(), "sh", "-c", "command -v " + program).code() == 0;
  }

  static Shell run(Path cwd, Map<String, String> env, String... command) {
    try {
      Path out = Files.createTempFile("envshift-shell", ".out");
      Path err = Files.createTempFile("envshift-shell", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(cwd.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("ENVSHIFT_"));
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError("did not finish: " + List.of(command));
        }
        return new Shell(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
