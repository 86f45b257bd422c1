package envshift.exec;

import envshift.EnvshiftException;
import envshift.Parallel;
import envshift.Secret;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.plan.Shown;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run use case: one environment's variables (read from its sources, or live from an app)
 * added to the inherited environment of a command, which runs with nothing written to disk; its
 * exit code is the result. The values exist only in this process's memory and the child's
 * environment: never in argv, a file or envshift's own output.
 */
public final class RunWithEnv {
  /** Shells' codes for a command that could not be run. */
  public static final int NOT_FOUND = 127;
  public static final int NOT_EXECUTABLE = 126;

  private static final Pattern ERRNO = Pattern.compile("error=(\\d+),");
  private static final int ENOENT = 2;
  private static final int EACCES = 13;

  /** Where the variables come from. */
  public sealed interface Values {
    /** A manifest environment's sources, as show reads them; {@code development} if unnamed. */
    record FromEnvironment(Optional<String> name) implements Values {
      public FromEnvironment {
        Objects.requireNonNull(name, "name == null");
      }
    }

    /** An app's live config vars. */
    record FromApp(String app) implements Values {
      public FromApp {
        Objects.requireNonNull(app, "app == null");
      }
    }
  }

  /**
   * The command to run: its argv (the program first), the environment it inherits, its working
   * directory and where its streams go.
   */
  public record Child(List<String> command, Map<String, String> inherited, Path cwd, ChildIo io) {
    public Child {
      command = List.copyOf(command);
      if (command.isEmpty()) throw new IllegalArgumentException("no command");
      inherited = Map.copyOf(inherited);
      Objects.requireNonNull(cwd, "cwd == null");
      Objects.requireNonNull(io, "io == null");
    }
  }

  private final Supplier<Workspace> workspaces;
  private final Supplier<HerokuClient> clients;
  private final Consumer<LoadedEnvironment> onLoaded;

  /**
   * @param workspaces opens the repo, only when the values come from an environment
   * @param clients builds the API client, only when the values come from an app
   * @param onLoaded hears the converted environment (warnings, --strict) before the child starts
   */
  public RunWithEnv(Supplier<Workspace> workspaces, Supplier<HerokuClient> clients,
      Consumer<LoadedEnvironment> onLoaded) {
    this.workspaces = workspaces;
    this.clients = clients;
    this.onLoaded = onLoaded;
  }

  /** Runs the child with the variables; returns its exit code (128 + signal when killed). */
  public int run(Values values, Child child) {
    return exec(child, environment(child.inherited(), read(values)));
  }

  private Map<String, Secret> read(Values values) {
    if (values instanceof Values.FromApp fromApp) {
      return clients.get().configVars(fromApp.app());
    }
    Optional<String> name = ((Values.FromEnvironment) values).name();
    Workspace workspace = workspaces.get();
    Environment env = name.isPresent()
        ? workspace.manifest().environment(name.get())
        : workspace.environment(Environment.DEVELOPMENT, "run uses it unless --env names another");
    LoadedEnvironment loaded = workspace.loader().load(env);
    onLoaded.accept(loaded);
    return loaded.vars().values();
  }

  /**
   * The child's environment: the inherited one with the variables added, and where a name is in
   * both, the variable's value wins (running with the environment's values is the point).
   */
  static Map<String, String> environment(Map<String, String> inherited, Map<String, Secret> vars) {
    Map<String, String> env = new LinkedHashMap<>(inherited);
    vars.forEach((name, value) -> {
      // the OS cannot carry these; the JDK's own refusal would quote the value
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new EnvshiftException(Shown.visible(name)
            + ": not a name a process environment can hold");
      }
      if (value.reveal().indexOf('\0') >= 0) {
        throw new EnvshiftException(Shown.visible(name)
            + ": its value holds a NUL character, which a process environment cannot hold");
      }
      env.put(name, value.reveal());
    });
    return env;
  }

  private static int exec(Child child, Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(child.command()).directory(child.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    if (child.io() instanceof ChildIo.Inherit) builder.inheritIO();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw notStarted(child.command().get(0), e);
    }
    if (child.io() instanceof ChildIo.Copied copied) {
      return waitCopying(process, copied);
    }
    return waitFor(process);
  }

  private static int waitCopying(Process process, ChildIo.Copied io) {
    try (Parallel.Pool pool = new Parallel.Pool(2, "envshift-run-io")) {
      process.getOutputStream().close();
      Future<Void> out = pool.submit(() -> copy(process.getInputStream(), io.out()));
      Future<Void> err = pool.submit(() -> copy(process.getErrorStream(), io.err()));
      int code = waitFor(process);
      Parallel.get(out);
      Parallel.get(err);
      return code;
    } catch (IOException e) {
      process.destroyForcibly();
      throw new EnvshiftException("cannot close the command's stdin", e);
    }
  }

  private static Void copy(InputStream from, Writer to) throws IOException {
    try (InputStreamReader reader = new InputStreamReader(from, StandardCharsets.UTF_8)) {
      reader.transferTo(to);
    }
    to.flush();
    return null;
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new EnvshiftException("interrupted while the command ran; it was stopped", e);
    }
  }

  /**
   * One line and a shell's exit code: 127 when there is no such command, 126 when it cannot be
   * executed. The JDK's message names the program and the errno; only the errno is read from it.
   */
  private static EnvshiftException notStarted(String program, IOException e) {
    String shown = Shown.visible(program);
    Matcher errno = ERRNO.matcher(Objects.toString(e.getMessage(), ""));
    int code = -1;
    while (errno.find()) code = Integer.parseInt(errno.group(1));
    if (code == ENOENT) {
      return new EnvshiftException(shown + ": command not found", NOT_FOUND, e);
    }
    String why = code == EACCES ? "permission denied" : "cannot be executed";
    return new EnvshiftException(shown + ": " + why, NOT_EXECUTABLE, e);
  }
}
