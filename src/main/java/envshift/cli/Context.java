package envshift.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may know of the world outside its arguments: the environment variables, the home
 * and working directories, and the console (absent in tests, CI and pipes). Passed in, never read
 * from statics inside commands, so tests control all of it.
 */
public record Context(Map<String, String> env, Path home, Path cwd, Optional<Console> console) {
  public Context {
    env = Map.copyOf(env);
  }

  public static Context system() {
    return new Context(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        Optional.ofNullable(System.console()));
  }

  /** A context for tests: no console, the given environment. */
  public static Context of(Map<String, String> env, Path home, Path cwd) {
    return new Context(env, home, cwd, Optional.empty());
  }

  public Optional<String> getenv(String name) {
    return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
  }

  /** Colour and progress only on a terminal, and never with NO_COLOR set (any value). */
  public boolean colour() {
    return console.isPresent() && !env.containsKey("NO_COLOR");
  }

  public boolean interactive() {
    return console.isPresent();
  }
}
