package envshift.push;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A second bounded pool next to {@link envshift.Parallel}'s workers, for the one request per app
 * that need not hold a worker: reading add-ons while the worker reads the config, and looking up
 * the release while the worker moves on to the next app. So at most twice the concurrency is in
 * flight. Daemon threads: an interrupted command never waits for them.
 */
final class SidePool {
  private SidePool() {}

  static ExecutorService create(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /** The future's value; a failure is rethrown as it was thrown, not wrapped. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
