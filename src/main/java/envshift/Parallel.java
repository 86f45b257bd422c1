package envshift;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one task per app on a bounded pool, keeping the input order in the results. */
public final class Parallel {
  private Parallel() {}

  public static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task) {
    if (items.isEmpty()) return List.of();
    int threads = Math.max(1, Math.min(concurrency, items.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "envshift-app");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) futures.add(pool.submit(() -> task.apply(item)));
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) results.add(get(f));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvshiftException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new EnvshiftException("internal error (" + e.getCause().getClass().getSimpleName() + ")", e);
    }
  }
}
