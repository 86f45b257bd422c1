package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Retries, backoff and the one-release guarantee for PATCH, against the fake's injected faults. */
@ExtendWith(FakeHerokuExtension.class)
class RetryTest {
  private static final String APP = "payroll-staging";
  private final List<Duration> slept = new CopyOnWriteArrayList<>();
  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp(APP);
    heroku.setConfig(APP, Map.of("KEEP", "k"));
    client = HerokuClient.builder().baseUrl(heroku.url()).token(FakeHeroku.DEFAULT_TOKEN)
        .sleeper(slept::add).build();
  }

  private int releases() {
    return heroku.releases(APP).size();
  }

  @Test
  void a503IsRetriedAfterAJitteredBackoff() {
    heroku.failNext(Fault.status(503));

    assertThat(client.configVars(APP)).containsOnlyKeys("KEEP");
    assertThat(heroku.count("GET", "/apps/" + APP + "/config-vars")).isEqualTo(2);
    assertThat(slept).hasSize(1);
    assertThat(slept.get(0)).isBetween(Duration.ZERO, Backoff.DEFAULT_BASE);
  }

  @Test
  void a429WithRetryAfterWaitsThatLong() {
    heroku.failNext(Fault.status(429).withRetryAfter(2));

    assertThat(client.configVars(APP)).containsOnlyKeys("KEEP");
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
    assertThat(heroku.count("GET", "/")).isEqualTo(2);
  }

  @Test
  void a429WithoutRetryAfterBacksOffExponentially() {
    heroku.failNext(Fault.status(429), Fault.status(429), Fault.status(429));

    assertThat(client.configVars(APP)).containsOnlyKeys("KEEP");
    assertThat(slept).hasSize(3);
    assertThat(slept.get(2)).isBetween(Duration.ZERO, Backoff.DEFAULT_BASE.multipliedBy(4));
  }

  @Test
  void aDroppedConnectionOnAGetIsRetried() {
    heroku.failNext(Fault.dropConnection());

    assertThat(client.configVars(APP)).containsOnlyKeys("KEEP");
    assertThat(heroku.count("GET", "/")).isEqualTo(2);
  }

  @Test
  void aGetGivesUpAfterMaxAttemptsWithTheLastError() {
    heroku.failNext(Fault.status(503), Fault.status(503), Fault.status(503), Fault.status(503));

    assertThatThrownBy(() -> client.configVars(APP))
        .hasMessageStartingWith("heroku: payroll-staging: 503 unavailable: Injected failure 503.");
    assertThat(heroku.count("GET", "/")).isEqualTo(4);
    assertThat(slept).hasSize(3);
  }

  @Test
  void aPatchAppliedThenDroppedIsNotSentAgain() {
    int before = releases();
    heroku.failNext("PATCH", Fault.applyThenDrop());

    PatchResult result = client.patchConfigVars(APP, Map.of("NEW", Optional.of(Secret.of("v"))));

    assertThat(result.recoveredAfterAmbiguousFailure()).isTrue();
    assertThat(result.config()).containsOnlyKeys("KEEP", "NEW");
    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aPatchDroppedBeforeItWasAppliedIsSentOnceMore() {
    int before = releases();
    heroku.failNext("PATCH", Fault.dropConnection());

    PatchResult result = client.patchConfigVars(APP, Map.of("KEEP", Optional.empty()));

    assertThat(result.recoveredAfterAmbiguousFailure()).isFalse();
    assertThat(result.config()).isEmpty();
    assertThat(heroku.count("PATCH", "/")).isEqualTo(2);
    assertThat(heroku.count("GET", "/apps/" + APP + "/config-vars"))
        .as("re-read over the settle window").isGreaterThan(1);
    assertThat(slept.stream().reduce(Duration.ZERO, Duration::plus))
        .isGreaterThanOrEqualTo(ConfigPatcher.DEFAULT_SETTLE_WINDOW);
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aPatchAnswered503IsCheckedThenResent() {
    int before = releases();
    heroku.failNext("PATCH", Fault.status(503));

    client.patchConfigVars(APP, Map.of("NEW", Optional.of(Secret.of("v"))));

    assertThat(heroku.count("PATCH", "/")).isEqualTo(2);
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aPatchRateLimitedIsResentBecauseTheServerDidNothing() {
    int before = releases();
    heroku.failNext("PATCH", Fault.status(429, 1));

    client.patchConfigVars(APP, Map.of("NEW", Optional.of(Secret.of("v"))));

    assertThat(heroku.count("PATCH", "/")).isEqualTo(2);
    assertThat(heroku.count("GET", "/")).as("a 429 is not ambiguous").isZero();
    assertThat(slept).containsExactly(Duration.ofSeconds(1));
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aPatchThatNeverGetsThroughSaysItWasNotApplied() {
    heroku.failNext("PATCH", Fault.dropConnection(), Fault.dropConnection(),
        Fault.dropConnection(), Fault.dropConnection());

    Map<String, Optional<Secret>> change = Map.of("NEW", Optional.of(Secret.of("v")));
    assertThatThrownBy(() -> client.patchConfigVars(APP, change))
        .hasMessageStartingWith("heroku: payroll-staging: the config-vars update failed after 4 "
            + "attempts and was not applied (");
    assertThat(heroku.count("PATCH", "/")).isEqualTo(4);
    assertThat(heroku.config(APP)).doesNotContainKey("NEW");
  }

  @Test
  void anUnreachableApiIsReportedAfterEveryAttempt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HerokuClient offline = HerokuClient.builder().baseUrl("http://127.0.0.1:" + port)
        .token(FakeHeroku.DEFAULT_TOKEN).sleeper(slept::add).build();

    assertThatThrownBy(() -> offline.patchConfigVars(APP, Map.of("A", Optional.empty())))
        .isInstanceOfSatisfying(HerokuApiException.class, e -> {
          assertThat(e.getMessage()).startsWith("heroku: payroll-staging: cannot reach "
              + "http://127.0.0.1:" + port + " after 4 attempts (");
          assertThat(e.status()).isZero();
          assertThat(e.id()).isEqualTo("network");
        });
    assertThat(slept).as("a connect failure is retried, even for a PATCH").hasSize(3);
  }

  @Test
  void fallingRateLimitSlowsEveryCallDown() {
    heroku.rateLimitRemaining(5);

    client.configVars(APP);
    client.configVars(APP);

    assertThat(slept).containsExactly(Duration.ofMillis(600), Duration.ofMillis(600));
  }

  @Test
  void backoffGrowsAndStaysUnderTheCap() {
    Backoff backoff = Backoff.standard();
    for (int attempt = 1; attempt <= 40; attempt++) {
      assertThat(backoff.delay(attempt)).isLessThanOrEqualTo(Backoff.DEFAULT_CAP);
    }
    assertThat(backoff.delay(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
  }
}
