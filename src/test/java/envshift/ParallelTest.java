package envshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void resultsKeepTheInputOrderWhateverOrderTasksFinishIn() {
    List<Integer> out = Parallel.map(List.of(30, 0, 20, 10), 4, ms -> {
      sleep(ms);
      return ms;
    });

    assertThat(out).containsExactly(30, 0, 20, 10);
  }

  @Test
  void noMoreThanTheConcurrencyRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Parallel.map(List.of(1, 2, 3, 4, 5, 6), 2, i -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleep(20);
      return running.decrementAndGet();
    });

    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  void theFirstFailureInInputOrderIsRethrownAsItWasThrown() {
    assertThatThrownBy(() -> Parallel.map(List.of(1, 2, 3), 3, i -> {
      sleep(i == 1 ? 40 : 0);
      throw new EnvshiftException("task " + i);
    })).isInstanceOf(EnvshiftException.class).hasMessage("task 1");
  }

  @Test
  void aCheckedFailureIsNamedByTypeOnly() {
    CompletableFuture<String> failed = CompletableFuture.failedFuture(new IOException("s3cr3t"));

    assertThatThrownBy(() -> Parallel.get(failed))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("internal error (IOException)");
  }

  @Test
  void aPoolRunsSideRequests() {
    try (Parallel.Pool pool = new Parallel.Pool(1, "test-side")) {
      assertThat(Parallel.get(pool.supply(() -> Thread.currentThread().getName())))
          .isEqualTo("test-side");
    }
  }

  private static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
