package envshift;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one home of envshift's threads: bounded pools of daemon threads (an interrupted command never
 * waits for them), results in input order, and a failure rethrown as it was thrown.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs {@code task} on every item, at most {@code concurrency} at a time; the results keep the
   * input order, and the first failure in that order is thrown (the other tasks are abandoned).
   */
  public static <T, R> List<R> map(List<T> items, int concurrency, Function<T, R> task) {
    if (items.isEmpty()) return List.of();
    try (Pool pool = new Pool(Math.min(concurrency, items.size()), "envshift-app")) {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) futures.add(pool.submit(() -> task.apply(item)));
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) results.add(get(f));
      return results;
    }
  }

  /**
   * The task's result; its failure rethrown as it was thrown when unchecked, else wrapped in an
   * EnvshiftException naming only the exception type (a message could quote a secret).
   */
  public static <R> R get(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvshiftException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      if (cause instanceof Error error) throw error;
      throw new EnvshiftException(
          "internal error (" + cause.getClass().getSimpleName() + ")", cause);
    }
  }

  /**
   * A bounded pool for single requests beside {@link #map}'s workers, so one app's requests travel
   * side by side and a worker never waits on a queue it feeds. Closing it abandons what is left.
   */
  public static final class Pool implements Executor, AutoCloseable {
    private final ExecutorService threads;

    public Pool(int size, String name) {
      threads = Executors.newFixedThreadPool(Math.max(1, size), r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
    }

    public <T> Future<T> submit(Callable<T> task) {
      return threads.submit(task);
    }

    public <T> CompletableFuture<T> supply(Supplier<T> task) {
      return CompletableFuture.supplyAsync(task, threads);
    }

    @Override
    public void execute(Runnable task) {
      threads.execute(task);
    }

    @Override
    public void close() {
      threads.shutdownNow();
    }
  }
}
