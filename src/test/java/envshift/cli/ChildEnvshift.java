package envshift.cli;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM that runs envshift commands one after another, for tests that must see the temp
 * files a command leaves. The JDK reads {@code java.io.tmpdir} once per JVM, so only a child JVM
 * started with its own temp dir shows them; one child serves a whole test class because a JVM per
 * command cost more CPU than all the commands together.
 *
 * <p>Protocol: the parent writes one request per line on the child's stdin, tab-separated: stdout
 * file, stderr file, working dir, home, GNUPGHOME, then the arguments. The child runs the command
 * with {@code System.out} and {@code System.err} sent to those files (so a stray print is captured
 * as it would be from a process of its own) and answers with the exit code on a line.
 */
final class ChildEnvshift implements AutoCloseable {
  private final Process process;
  private final Writer requests;
  private final BufferedReader replies;
  // Its own reader thread, so a long command blocks no shared pool while the test waits on it.
  private final ExecutorService reader =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "child-envshift-replies");
            thread.setDaemon(true);
            return thread;
          });

  private ChildEnvshift(Process process) {
    this.process = process;
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.replies =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the child with {@code javaTmp} as its java.io.tmpdir and TMPDIR, no ENVSHIFT_* env. */
  static ChildEnvshift start(Path javaTmp, Path log) {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:-UsePerfData",
            "-Djava.io.tmpdir=" + javaTmp,
            "-cp",
            System.getProperty("java.class.path"),
            ChildEnvshift.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ENVSHIFT_"));
    builder.environment().put("TMPDIR", javaTmp.toString());
    try {
      return new ChildEnvshift(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code args} in {@code cwd}; returns the exit code once stdout and stderr are written. */
  int run(Path out, Path err, Path cwd, Path home, Path gnupgHome, List<String> args) {
    List<String> fields = new ArrayList<>();
    for (Path p : List.of(out, err, cwd, home, gnupgHome)) {
      fields.add(p.toString());
    }
    fields.addAll(args);
    if (fields.stream().anyMatch(f -> f.contains("\t") || f.contains("\n"))) {
      throw new IllegalArgumentException("tab or newline in " + fields);
    }
    try {
      requests.write(String.join("\t", fields) + "\n");
      requests.flush();
      String reply = reader.submit(this::readReply).get(5, TimeUnit.MINUTES);
      if (reply == null) {
        throw new AssertionError("the child JVM died running " + args);
      }
      return Integer.parseInt(reply);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("envshift did not finish: " + args, e);
    } catch (ExecutionException e) {
      throw new AssertionError("no answer from the child JVM for " + args, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private String readReply() {
    try {
      return replies.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the child: it exits when its stdin closes. */
  @Override
  public void close() {
    reader.shutdownNow();
    try {
      requests.close();
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The child's side: serve requests until stdin closes. */
  public static void main(String[] args) throws IOException {
    PrintStream replies = System.out;
    PrintStream log = System.err;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] f = line.split("\t", -1);
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("GNUPGHOME", f[4]);
      Context context = Context.of(env, Path.of(f[3]), Path.of(f[2]));
      int code;
      try (PrintStream out = printStream(f[0]);
          PrintStream err = printStream(f[1])) {
        System.setOut(out);
        System.setErr(err);
        code =
            Envshift.run(
                context,
                new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8),
                Arrays.copyOfRange(f, 5, f.length));
      } finally {
        System.setOut(replies);
        System.setErr(log);
      }
      replies.println(code);
      replies.flush();
    }
  }

  private static PrintStream printStream(String file) throws IOException {
    return new PrintStream(new FileOutputStream(file), true, StandardCharsets.UTF_8);
  }

  /** Reads a file the child wrote, as UTF-8. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
