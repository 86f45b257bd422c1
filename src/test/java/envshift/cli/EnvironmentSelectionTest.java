package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command selects environments through one selector: an {@code --env} named twice is taken
 * once, so "one PATCH, one release per app" holds whatever the command line repeats.
 */
@ExtendWith(FakeHerokuExtension.class)
class EnvironmentSelectionTest {
  private static final String STAGING = "payroll-staging";

  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp(STAGING);
    world.heroku.createApp("payroll-production");
  }


  @Test
  void applyWithTheSameEnvTwiceMakesExactlyOnePatchAndOneRelease() {
    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging", "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.count("PATCH", "/apps/")).isEqualTo(1);
    assertThat(world.heroku.releases(STAGING)).hasSize(2);
    assertThat(r.out()).contains("Apply: 1 applied, 0 unchanged, 0 failed")
        .containsOnlyOnce("staging → payroll-staging");
  }

  @Test
  void planWithTheSameEnvTwiceListsTheAppOnce() {
    Cli.Result r = world.plan(PushWorld.DJANGO, "--env", "staging", "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsOnlyOnce("staging → payroll-staging")
        .contains("across 1 app");
  }

  @Test
  void showWithTheSameEnvTwiceShowsItOnce() {
    Cli.Result r = world.cli().run("show", "--repo", PushWorld.DJANGO, "--secret-key",
        PushWorld.DEPLOY_KEY, "--env", "staging", "--env", "staging", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsOnlyOnce("\"staging\"");
  }

  @Test
  void driftWithOneEnvNamedTwiceIsOneEnvironmentNotTwo() {
    Cli.Result r = world.run("drift", "--repo", PushWorld.DJANGO, "--env", "staging", "--env",
        "staging");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("name at least two apps or environments");
  }

  @Test
  void rotateTakesARepeatedEnvOnceAndRefusesTwoDifferentOnes() {
    Cli.Result two = world.run("rotate", "SECRET_KEY", "--repo", PushWorld.DJANGO,
        "--secret-key", PushWorld.DEPLOY_KEY, "--env", "staging", "--env", "production",
        "--yes", "--no-backup");

    assertThat(two.code()).isEqualTo(64);
    assertThat(two.err()).contains("rotate: name one environment");
  }
}
