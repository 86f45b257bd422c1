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
 * The CLI wires the per-app write lock to the machine's state folder, beside the backups, so
 * separate processes share it (issue 11, finding 8; the race itself is ConcurrentApplyTest's).
 */
@ExtendWith(FakeHerokuExtension.class)
class ApplyLockTest {
  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    heroku.createApp("payroll-staging");
  }

  @Test
  void applyTakesTheAppsLockUnderXdgStateHome() {
    Cli.Result r = world.apply(PushWorld.DJANGO, "--env", "staging");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(home.resolve("state/envshift/locks/payroll-staging.lock")).exists().isEmptyFile();
  }
}
