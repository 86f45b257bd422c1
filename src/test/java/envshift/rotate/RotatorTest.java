package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FakeHerokuExtension.class)
class RotatorTest {
  private FakeHeroku heroku;
  private Rotator rotator;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp("payroll-staging");
    heroku.setConfig("payroll-staging", Map.of("API_TOKEN", "old-token", "DEBUG", "False"));
    HerokuClient client = HerokuClient.builder().baseUrl(heroku.url())
        .token(FakeHeroku.DEFAULT_TOKEN).build();
    rotator = new Rotator(client, Optional.empty());
  }

  @Test
  void aConfigChangedBetweenPrepareAndRotateStopsBeforeAnyPatch() {
    Prepared prepared = rotator.prepare("staging", "payroll-staging", List.of("API_TOKEN"));
    heroku.setConfig("payroll-staging", Map.of("API_TOKEN", "old-token", "DEBUG", "True"));

    assertThatThrownBy(() -> rotator.rotate(prepared, Map.of("API_TOKEN", Secret.of("new"))))
        .isInstanceOf(RotationException.class)
        .hasMessageContaining("config changed on Heroku since it was read");
    assertThat(heroku.count("PATCH", "/")).isZero();
    assertThat(heroku.config("payroll-staging")).containsEntry("API_TOKEN", "old-token");
  }

  @Test
  void aRotationWaitsForTheAppsWriteLockAndWritesNothingWithoutIt(@TempDir Path state) {
    HerokuClient locked = HerokuClient.builder().baseUrl(heroku.url())
        .token(FakeHeroku.DEFAULT_TOKEN).lockDir(state).lockWait(Duration.ofMillis(200)).build();
    Rotator waiting = new Rotator(locked, Optional.empty());
    Prepared prepared = waiting.prepare("staging", "payroll-staging", List.of("API_TOKEN"));

    try (HerokuClient.AppLock held = locked.lockApp("payroll-staging")) {
      assertThatThrownBy(() -> CompletableFuture.supplyAsync(() -> waiting.rotate(prepared,
          Map.of("API_TOKEN", Secret.of("new")))).join())
          .hasMessageContaining("payroll-staging: another envshift run is writing to this app")
          .hasMessageContaining("nothing written");
    }
    assertThat(heroku.count("PATCH", "/")).isZero();
  }

  @Test
  void rotateReturnsTheReleaseItCreated() {
    Prepared prepared = rotator.prepare("staging", "payroll-staging", List.of("API_TOKEN"));

    Rotated rotated = rotator.rotate(prepared, Map.of("API_TOKEN", Secret.of("fresh-value")));

    assertThat(rotated.names()).containsExactly("API_TOKEN");
    assertThat(rotated.release().version()).contains(heroku.releases("payroll-staging").size());
    assertThat(heroku.config("payroll-staging")).containsEntry("API_TOKEN", "fresh-value");
    assertThat(rotated.toString()).doesNotContain("fresh-value");
  }

  @Test
  void generatedValuesFollowTheDefaultsByNameAndNeverRepeat() {
    SecureRandom rng = new SecureRandom();
    Map<String, Secret> first = Rotator.generate(List.of("SECRET_KEY", "API_TOKEN"),
        Optional.empty(), rng);
    Map<String, Secret> second = Rotator.generate(List.of("SECRET_KEY"), Optional.empty(), rng);

    assertThat(first.get("SECRET_KEY").length()).isEqualTo(50);
    assertThat(first.get("API_TOKEN").reveal()).matches("[A-Za-z0-9_-]{43}");
    assertThat(second.get("SECRET_KEY")).isNotEqualTo(first.get("SECRET_KEY"));
    assertThat(Rotator.generate(List.of("X"), Optional.of("hex:16"), rng).get("X").reveal())
        .matches("[0-9a-f]{32}");
  }
}
