package envshift.audit;

import envshift.EnvshiftException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded pool of API reads for one drift run. Unlike {@link envshift.Parallel}, which runs one
 * task per app, it takes single requests, so one app's config and add-ons travel side by side and
 * a pipeline's names are resolved while its configs are read. Closing it abandons what is left.
 */
final class Reads implements AutoCloseable {
  private final ExecutorService pool;

  /** At least two threads: a task that waits on reads it submitted holds one of them. */
  Reads(int threads) {
    pool = Executors.newFixedThreadPool(Math.max(2, threads), r -> {
      Thread t = new Thread(r, "envshift-read");
      t.setDaemon(true);
      return t;
    });
  }

  <T> Future<T> submit(Callable<T> read) {
    return pool.submit(read);
  }

  /** The read's result; its failure rethrown as is when it is an EnvshiftException. */
  static <T> T get(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvshiftException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new EnvshiftException(
          "internal error (" + e.getCause().getClass().getSimpleName() + ")", e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
