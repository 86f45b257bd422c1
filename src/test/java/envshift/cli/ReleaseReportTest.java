package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: apply, rotate and restore report the release their PATCH created, told by version,
 * against a fake that ignores the Range order and lists releases oldest first (where the first
 * item of an {@code order=desc,max=1} page is v1), and say so when another release landed too.
 */
@ExtendWith(FakeHerokuExtension.class)
class ReleaseReportTest {
  private static final String APP = "app-one";

  @TempDir Path home;
  private PushWorld world;
  private Path repo;

  @BeforeEach
  void setUp(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(APP, Map.of("A", "1", "B", "2")));
    world.heroku.createApp(APP);
    world.heroku.setConfig(APP, Map.of("A", "1", "TOKEN", "old"));
    world.heroku.ignoreRangeOrder(true);
  }


  @Test
  void applyReportsTheReleaseItCreatedWhenTheListComesOldestFirst() {
    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.releases(APP)).hasSize(3);
    assertThat(r.out()).contains("app-one  applied (v3)\n");
    assertThat(r.err()).contains("envshift: app-one: applied (v3)");
    assertThat(r.both()).doesNotContain("(v1)").doesNotContain("(v2)");
  }

  @Test
  void rotateReportsTheReleaseItCreatedWhenTheListComesOldestFirst() {
    Cli.Result r = world.run("rotate", "TOKEN", "--force", "--env", APP, "--repo", repo.toString(),
        "--yes",
        "--no-backup", "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.releases(APP)).hasSize(3);
    assertThat(r.out()).contains("rotated TOKEN on app-one (app-one): release v3\n");
  }

  @Test
  void restoreReportsTheReleaseItCreatedWhenTheListComesOldestFirst() {
    world.heroku.setConfig(APP, Map.of("A", "2", "TOKEN", "old"));

    Cli.Result r = world.run("restore", "--app", APP, "--release", "v2", "--yes",
        "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.config(APP)).containsEntry("A", "1");
    assertThat(world.heroku.releases(APP)).hasSize(4);
    assertThat(r.out()).contains("app-one  applied (v4)\n");
  }

  @Test
  void aReleaseByAnotherWriterBetweenTheReadAndThePatchIsNamedInTheOutcome() {
    landADeployBeforeThePatch();

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.releases(APP)).hasSize(4);
    assertThat(world.heroku.releases(APP).get(2).description()).isEqualTo("Deploy 0a1b2c3");
    assertThat(r.out()).contains("app-one  applied (v4): 2 releases appeared during the write "
        + "(v3, v4); v4 reported");
  }

  @Test
  void rotateNamesAnotherWritersReleaseToo() {
    landADeployBeforeThePatch();

    Cli.Result r = world.run("rotate", "TOKEN", "--force", "--env", APP, "--repo", repo.toString(),
        "--yes",
        "--no-backup", "--secret-key", PushWorld.DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("rotated TOKEN on app-one (app-one): release v4; 2 releases "
        + "appeared during the write (v3, v4); v4 reported");
  }

  /** Someone deploys just before our PATCH is handled: after our read of the newest release. */
  private void landADeployBeforeThePatch() {
    AtomicBoolean once = new AtomicBoolean();
    world.heroku.onRequest((method, path) -> {
      if (method.equals("PATCH") && once.compareAndSet(false, true)) {
        world.heroku.addRelease(APP, "Deploy 0a1b2c3");
      }
    });
  }
}
