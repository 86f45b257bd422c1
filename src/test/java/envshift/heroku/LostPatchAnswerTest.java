package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PATCH whose answer was lost (or unreadable) is resent only once the change is known not to
 * have landed over a bounded window, so a slow API still makes one release (issue 11, findings 7
 * and 14). The sleeper records the waits: no test sleeps for real.
 */
@ExtendWith(FakeHerokuExtension.class)
class LostPatchAnswerTest {
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

  private static Map<String, Optional<Secret>> change() {
    return Map.of("SECRET_KEY", Optional.of(Secret.of("s3cr3t-new")));
  }

  private int releases() {
    return heroku.releases(APP).size();
  }

  private Duration waited() {
    return slept.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void aPatchThatLandsAfterTheFirstReReadIsNotSentAgain() {
    int before = releases();
    ReleaseWatch watch = client.watchReleases(APP);
    heroku.failNext("PATCH", Fault.applyLater(2)); // lands just before the 2nd request after it

    PatchResult result = client.patchConfigVars(APP, change(), watch);

    assertThat(result.recoveredAfterAmbiguousFailure()).isTrue();
    assertThat(result.config().get("SECRET_KEY").reveal()).isEqualTo("s3cr3t-new");
    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aPatchThatLandsLateWithoutAReleaseWatchIsNotSentAgainEither() {
    int before = releases();
    heroku.failNext("PATCH", Fault.applyLater(4));

    client.patchConfigVars(APP, change());

    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aLostPatchIsResentOnlyAfterTheWholeWindowShowedNothingLanded() {
    int before = releases();
    ReleaseWatch watch = client.watchReleases(APP);
    heroku.failNext("PATCH", Fault.dropConnection());

    client.patchConfigVars(APP, change(), watch);

    assertThat(heroku.count("PATCH", "/")).isEqualTo(2);
    assertThat(releases()).isEqualTo(before + 1);
    assertThat(waited()).isGreaterThanOrEqualTo(ConfigPatcher.DEFAULT_SETTLE_WINDOW);
    assertThat(heroku.count("GET", "/apps/" + APP + "/releases")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aReleaseByAnotherWriterDuringTheWindowStopsTheResend() {
    ReleaseWatch watch = client.watchReleases(APP);
    heroku.failNext("PATCH", Fault.dropConnection());
    AtomicBoolean deployed = new AtomicBoolean();
    heroku.onRequest((method, path) -> {
      if (method.equals("GET") && path.endsWith("/config-vars") && !deployed.getAndSet(true)) {
        heroku.addRelease(APP, "Deploy abc123");
      }
    });

    assertThatThrownBy(() -> client.patchConfigVars(APP, change(), watch))
        .isInstanceOfSatisfying(HerokuApiException.class,
            e -> assertThat(e.id()).isEqualTo("unknown_outcome"))
        .hasMessageContaining("not sent again")
        .hasMessageNotContaining("s3cr3t");
    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(heroku.config(APP)).doesNotContainKey("SECRET_KEY");
  }

  @Test
  void anAppliedPatchWithAnUnreadableAnswerIsAppliedWithANote() {
    int before = releases();
    heroku.failNext("PATCH", Fault.applyThenGarbage());

    PatchResult result = client.patchConfigVars(APP, change(), client.watchReleases(APP));

    assertThat(result.config().get("SECRET_KEY").reveal()).isEqualTo("s3cr3t-new");
    assertThat(result.note()).hasValueSatisfying(note -> assertThat(note)
        .contains("unreadable").contains("holds every change").doesNotContain("s3cr3t"));
    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void anAppliedPatchWhoseAnswerIsTooLargeToReadIsReReadAndNotResent() {
    int before = releases();
    heroku.failNext("PATCH", Fault.applyThenHuge());

    PatchResult result = client.patchConfigVars(APP, change(), client.watchReleases(APP));

    assertThat(result.config().get("SECRET_KEY").reveal()).isEqualTo("s3cr3t-new");
    assertThat(result.note()).hasValueSatisfying(note -> assertThat(note)
        .contains("too large to read").contains("holds every change"));
    assertThat(heroku.count("PATCH", "/")).isOne();
    assertThat(releases()).isEqualTo(before + 1);
  }

  @Test
  void aReadAnsweredWithABodyPastTheBoundIsOneLineWithoutReadingIt() {
    heroku.failNext("GET", Fault.applyThenHuge());

    assertThatThrownBy(() -> client.configVars(APP))
        .isInstanceOf(HerokuApiException.class)
        .hasMessageStartingWith("heroku: ")
        .hasMessageContaining("over 33554432 bytes (envshift's bound")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
