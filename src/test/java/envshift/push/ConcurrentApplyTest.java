package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.Fault;
import envshift.plan.AppOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs of envshift on one machine, planned against the same config and applied together, make
 * one release per app: the per-app lock lets one re-check+PATCH+verify at a time, and the second
 * finds nothing left to change (issue 11, finding 8). Also: an applied PATCH whose answer is
 * unreadable is reported applied with a note (finding 14).
 */
@ExtendWith(FakeHerokuExtension.class)
class ConcurrentApplyTest {
  private static final String APP = "payroll-staging";
  @TempDir Path state;
  private FakeHeroku heroku;

  @BeforeEach
  void app(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp(APP);
    heroku.setConfig(APP, Map.of("KEEP", "k"));
  }

  /** One run: its own client (as a separate process would have), the machine's lock folder. */
  private HerokuClient run() {
    return HerokuClient.builder().baseUrl(heroku.url()).token(FakeHeroku.DEFAULT_TOKEN)
        .sleeper(d -> { }).lockDir(state.resolve("locks")).lockWait(Duration.ofSeconds(1))
        .build();
  }

  private static PlannedApp plan(HerokuClient client) {
    LivePlan live = new LivePlanner(client, 1).plan(List.of(new AppTarget("staging", APP,
        Map.of("KEEP", Secret.of("k"), "SECRET_KEY", Secret.of("s3cr3t-new")))), false);
    return live.planned().get(0);
  }

  @Test
  void twoAppliesStartedTogetherMakeOneRelease() throws Exception {
    HerokuClient first = run();
    HerokuClient second = run();
    PlannedApp firstPlan = plan(first);
    PlannedApp secondPlan = plan(second);
    int before = heroku.releases(APP).size();
    heroku.clearRequests();
    // Hold the first PATCH until the other run has re-checked (or 300 ms, if the lock keeps it
    // out): without a lock both re-checks pass before either PATCH lands.
    CountDownLatch rechecked = new CountDownLatch(2);
    heroku.onRequest((method, path) -> {
      if (method.equals("GET") && path.endsWith("/config-vars")) {
        rechecked.countDown();
      } else if (method.equals("PATCH")) {
        try {
          rechecked.await(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });

    CompletableFuture<AppOutcome> a = CompletableFuture.supplyAsync(
        () -> new Applier(first, Optional.empty(), 1).applyOne(firstPlan));
    CompletableFuture<AppOutcome> b = CompletableFuture.supplyAsync(
        () -> new Applier(second, Optional.empty(), 1).applyOne(secondPlan));
    List<AppOutcome> outcomes = List.of(a.get(5, TimeUnit.SECONDS), b.get(5, TimeUnit.SECONDS));

    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(heroku.releases(APP)).hasSize(before + 1);
    assertThat(outcomes).extracting(AppOutcome::status).containsExactlyInAnyOrder(
        AppOutcome.Status.APPLIED, AppOutcome.Status.UNCHANGED);
    assertThat(outcomes).filteredOn(o -> o.status() == AppOutcome.Status.UNCHANGED)
        .singleElement().satisfies(o -> assertThat(o.why()).hasValueSatisfying(
            why -> assertThat(why).contains("nothing left to change")));
    assertThat(state.resolve("locks").resolve(APP + ".lock")).exists();
  }

  @Test
  void aRunThatCannotGetTheLockInTimeWritesNothing() throws Exception {
    HerokuClient holder = run();
    PlannedApp plan = plan(run());
    try (AutoCloseable held = holder.lockApp(APP)) {
      AppOutcome outcome = CompletableFuture.supplyAsync(
          () -> new Applier(run(), Optional.empty(), 1).applyOne(plan)).get(5, TimeUnit.SECONDS);

      assertThat(outcome.status()).isEqualTo(AppOutcome.Status.FAILED);
      assertThat(outcome.why()).hasValueSatisfying(why -> assertThat(why)
          .contains("another envshift run").contains(APP + ".lock").contains("nothing written"));
    }
    assertThat(heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void anAppliedPatchWithAnUnreadableAnswerIsReportedApplied() {
    HerokuClient client = run();
    PlannedApp plan = plan(client);
    heroku.failNext("PATCH", Fault.applyThenGarbage());

    AppOutcome outcome = new Applier(client, Optional.empty(), 1).applyOne(plan);

    assertThat(outcome.status()).isEqualTo(AppOutcome.Status.APPLIED);
    assertThat(outcome.why()).hasValueSatisfying(why -> assertThat(why).contains("unreadable")
        .doesNotContain("s3cr3t"));
    assertThat(heroku.count("PATCH", "/")).isOne();
  }
}
