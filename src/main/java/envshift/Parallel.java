package envshift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one home of envshift's threads: bounded pools of daemon threads (an interrupted command never
 * waits for them), results in input order, and a failure rethrown as it was thrown; or, for work
 * done {@link Ahead} of one consumer, a failure handed back for the consumer to redo.
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

  /**
   * Work done ahead of one consumer that takes the results in its own order (sources read ahead of
   * the environment being converted). The consumer stays the one that counts: a result is only
   * ever seen through {@link #take}, and whatever went wrong on a worker (a failure, an empty
   * answer, even an {@link Error} such as a worker's smaller stack overflowing) comes back empty,
   * so the consumer does that item itself and reports it exactly as it would have alone; a later
   * item's failure never surfaces. An item not started yet when taken is cancelled and left to the
   * consumer too, which therefore never waits on a queue. At most {@link #WINDOW_PER_THREAD} items
   * per worker are handed out beyond the last one taken, so the results waiting in memory are
   * bounded whatever the number of items. No thread exists before {@link #start}, nor at all when
   * fewer than two items are left then. Closing cancels what has not started and drops the rest.
   *
   * @param <K> an item; the keys given are distinct
   * @param <R> its result
   */
  public static final class Ahead<K, R> implements AutoCloseable {
    /** How many items per worker may be handed out ahead of the consumer. */
    static final int WINDOW_PER_THREAD = 4;

    private final List<K> order;
    private final int threads;
    private final String name;
    private final Function<K, Optional<R>> work;
    private final Set<K> taken = new HashSet<>();
    private final Map<K, HandedOut<R>> handedOut = new HashMap<>();
    private Pool pool;
    private int window;
    private int next;
    private int submitted;
    private boolean closed;

    /**
     * @param keys the items in the order the consumer is expected to take them
     * @param threads the most workers to start
     * @param work what a worker does with an item: empty when only the consumer may do it
     */
    public Ahead(List<K> keys, int threads, String name, Function<K, Optional<R>> work) {
      this.order = List.copyOf(new LinkedHashSet<>(keys));
      this.threads = threads;
      this.name = name;
      this.work = work;
    }

    /**
     * Starts the workers on the items not taken yet, unless fewer than two are left (a worker
     * would cost more than it saves). Once only: later calls do nothing.
     */
    public synchronized void start() {
      if (pool != null || closed) return;
      int left = (int) order.stream().filter(k -> !taken.contains(k)).count();
      if (left < 2) {
        closed = true; // the consumer does the rest itself
        return;
      }
      int size = Math.max(1, Math.min(threads, left));
      pool = new Pool(size, name);
      window = size * WINDOW_PER_THREAD;
      handOut();
    }

    /**
     * A worker's result for {@code key}, waiting for it when a worker is on it; empty when the
     * consumer must do it itself: not handed out, not started, failed, or the work said so.
     */
    public synchronized Optional<R> take(K key) {
      if (!taken.add(key)) return Optional.empty();
      HandedOut<R> item = handedOut.remove(key);
      handOut(); // the window moves on before the wait, so the workers stay busy
      if (item == null || item.claim()) return Optional.empty(); // not started: it is ours now
      try {
        return item.task().get();
      } catch (ExecutionException | CancellationException e) {
        return Optional.empty(); // redone by the consumer, who reports it in order
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EnvshiftException("interrupted", e);
      }
    }

    /** How many items were ever handed to the workers. */
    synchronized int submitted() {
      return submitted;
    }

    /** Whether workers were started (they never are for fewer than two items). */
    public synchronized boolean started() {
      return pool != null;
    }

    /**
     * Waits until the workers are done with every item handed out and not taken, whatever the
     * outcome; takes nothing. For tests that need the workers to have done their part.
     */
    public synchronized void settle() {
      for (HandedOut<R> item : handedOut.values()) {
        try {
          item.task().get();
        } catch (ExecutionException | CancellationException e) {
          // done all the same: take() will hand the consumer the item to redo
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EnvshiftException("interrupted", e);
        }
      }
    }

    private void handOut() {
      while (pool != null && !closed && handedOut.size() < window && next < order.size()) {
        K key = order.get(next++);
        if (taken.contains(key)) continue;
        AtomicBoolean claimed = new AtomicBoolean();
        FutureTask<Optional<R>> task = new FutureTask<>(
            () -> claimed.compareAndSet(false, true) ? work.apply(key) : Optional.empty());
        handedOut.put(key, new HandedOut<>(task, claimed));
        submitted++;
        pool.execute(task);
      }
    }

    @Override
    public synchronized void close() {
      closed = true;
      handedOut.values().forEach(item -> {
        item.claim();
        item.task().cancel(false);
      });
      handedOut.clear();
      if (pool != null) pool.close();
    }

    /**
     * An item given to the pool. Whoever claims it first does it: a worker starting it, or the
     * consumer taking it before that (a FutureTask cannot tell queued from running).
     */
    private record HandedOut<R>(FutureTask<Optional<R>> task, AtomicBoolean claimed) {
      boolean claim() {
        return claimed.compareAndSet(false, true);
      }
    }
  }
}
