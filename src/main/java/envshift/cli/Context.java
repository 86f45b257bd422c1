package envshift.cli;

import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may know of the world outside its arguments: the environment variables, the home
 * and working directories, the console (absent in tests, CI and pipes), and whether sources are
 * read ahead on other threads ({@code readAhead}; off only with the internal system property
 * {@code envshift.readAhead=false}, the sequential reference that tests and benchmarks compare
 * against, never a user option). Passed in, never read from statics inside commands, so tests
 * control all of it.
 */
public record Context(Map<String, String> env, Path home, Path cwd, Optional<Console> console,
    boolean readAhead) {
  /** The system property that turns the read-ahead off ({@code false}); read once, here. */
  static final String READ_AHEAD_PROPERTY = "envshift.readAhead";

  public Context {
    env = Map.copyOf(env);
  }

  public static Context system() {
    return new Context(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        Path.of("").toAbsolutePath(),
        Optional.ofNullable(System.console()),
        !"false".equals(System.getProperty(READ_AHEAD_PROPERTY)));
  }

  /** A context for tests: no console, the given environment, sources read ahead. */
  public static Context of(Map<String, String> env, Path home, Path cwd) {
    return new Context(env, home, cwd, Optional.empty(), true);
  }

  /** This context with every source read on the command's own thread, one after the other. */
  public Context withoutReadAhead() {
    return new Context(env, home, cwd, console, false);
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
