package envshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Parallel.Ahead}: work done ahead of one consumer. Nothing here asserts how long anything
 * takes; latches make the workers' part deterministic, and the one timeout only turns a deadlock
 * (the consumer waiting on a queue) into a failure instead of a hung build.
 */
class ParallelAheadTest {
  private static final String WORKER = "test-ahead";

  private static List<Integer> items(int n) {
    return IntStream.range(0, n).boxed().toList();
  }

  private static Parallel.Ahead<Integer, Integer> ahead(int n, int threads,
      Function<Integer, Optional<Integer>> work) {
    return new Parallel.Ahead<>(items(n), threads, WORKER, work);
  }

  @Test
  void noItemIsHandedOutBeforeStartAndNoThreadForFewerThanTwoItems() {
    try (var none = ahead(20, 2, Optional::of)) {
      assertThat(none.submitted()).isZero();
      assertThat(none.started()).isFalse();
    }
    try (var one = ahead(1, 2, Optional::of)) {
      one.start();
      assertThat(one.started()).as("one item: no thread start cost").isFalse();
      assertThat(one.take(0)).as("the consumer does it").isEmpty();
    }
    try (var two = ahead(2, 2, Optional::of)) {
      assertThat(two.take(0)).isEmpty();
      two.start();
      assertThat(two.started()).as("one item left when started").isFalse();
    }
  }

  @Test
  void atMostFourItemsPerWorkerAreHandedOutBeyondTheLastTaken() {
    List<Integer> got = new ArrayList<>();
    try (var ahead = ahead(20, 1, Optional::of)) {
      ahead.start();
      assertThat(ahead.submitted()).isEqualTo(4);
      for (int i = 0; i < 20; i++) {
        Optional<Integer> result = ahead.take(i);
        got.add(result.orElse(i)); // empty: not started yet, the consumer does it itself
        assertThat(ahead.submitted()).as("after taking %d", i).isLessThanOrEqualTo(i + 1 + 4);
      }
    }
    assertThat(got).isEqualTo(items(20));
  }

  @Test
  void theWindowGrowsWithTheWorkers() {
    try (var ahead = ahead(40, 3, Optional::of)) {
      ahead.start();
      assertThat(ahead.submitted()).isEqualTo(12);
    }
  }

  @Test
  void whatWentWrongOnAWorkerEvenAnErrorComesBackEmptyForTheConsumerToRedo() {
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    try (var ahead = ahead(5, 2, i -> {
      threads.add(Thread.currentThread().getName());
      return switch (i) {
        case 1 -> throw new EnvshiftException("a parse error");
        case 2 -> throw new StackOverflowError();
        case 3 -> throw new OutOfMemoryError("worker heap");
        case 4 -> Optional.empty(); // the work itself says the consumer must do it
        default -> Optional.of(i * 10);
      };
    })) {
      ahead.start();
      ahead.settle();

      assertThat(threads).hasSize(5).containsOnly(WORKER);
      assertThat(ahead.take(0)).contains(0);
      assertThat(ahead.take(1)).isEmpty();
      assertThat(ahead.take(2)).isEmpty();
      assertThat(ahead.take(3)).isEmpty();
      assertThat(ahead.take(4)).isEmpty();
    }
  }

  @Test
  void anItemTakenTwiceOrNeverPlannedIsTheConsumersOwn() {
    try (var ahead = ahead(3, 2, Optional::of)) {
      ahead.start();
      ahead.settle();
      assertThat(ahead.take(1)).contains(1);
      assertThat(ahead.take(1)).as("a result is handed over once").isEmpty();
      assertThat(ahead.take(99)).isEmpty();
    }
  }

  @Test
  @Timeout(60) // a deadlock guard only: without the fix the consumer waits forever
  void anItemNotStartedIsCancelledAndLeftToTheConsumerWhichNeverWaitsOnTheQueue()
      throws InterruptedException {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> worked = Collections.synchronizedList(new ArrayList<>());
    try (var ahead = ahead(4, 1, i -> {
      worked.add(i);
      if (i == 0) {
        firstStarted.countDown();
        await(release);
      }
      return Optional.of(i);
    })) {
      ahead.start();
      firstStarted.await(); // the only worker is busy with item 0 until released

      assertThat(ahead.take(1)).as("not started: the consumer does it now").isEmpty();
      assertThat(ahead.take(2)).isEmpty();
      release.countDown();
      assertThat(ahead.take(0)).as("started: its result is waited for").contains(0);
      ahead.settle();
      assertThat(ahead.take(3)).contains(3);
    }
    assertThat(worked).as("cancelled items never run").containsExactly(0, 3);
  }

  @Test
  void closingDropsWhatWasNotTaken() {
    var ahead = ahead(3, 2, Optional::of);
    ahead.start();
    ahead.settle();
    ahead.close();

    assertThat(ahead.take(0)).isEmpty();
    ahead.close(); // twice: nothing more
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
