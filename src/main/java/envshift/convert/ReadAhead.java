package envshift.convert;

import envshift.Parallel;
import java.util.Optional;

/**
 * Sources being read ahead on other threads ({@link SourceReader#readAhead}, {@link
 * EnvironmentLoader#readAhead}), for the length of a loop that loads them:
 *
 * <pre>{@code
 * try (ReadAhead ahead = workspace.loader().readAhead(selected)) {
 *   for (Environment env : selected) workspace.loader().load(env);
 * }
 * }</pre>
 *
 * Closing cancels what has not started and drops what was not taken; loads after it read on the
 * calling thread again. Closing twice does nothing more.
 */
public final class ReadAhead implements AutoCloseable {
  private final Optional<Parallel.Ahead<String, SourceReader.LoadedSource>> ahead;
  private final Runnable close;

  ReadAhead(Optional<Parallel.Ahead<String, SourceReader.LoadedSource>> ahead, Runnable close) {
    this.ahead = ahead;
    this.close = close;
  }

  /** Nothing read ahead: one environment, one source, or read-ahead turned off. */
  static ReadAhead none() {
    return new ReadAhead(Optional.empty(), () -> { });
  }

  /** Whether threads were started (once an encrypted source was loaded, for two sources or more). */
  boolean started() {
    return ahead.map(Parallel.Ahead::started).orElse(false);
  }

  /** Waits until the threads are done with every source handed to them so far (tests). */
  void settle() {
    ahead.ifPresent(Parallel.Ahead::settle);
  }

  @Override
  public void close() {
    close.run();
  }
}
