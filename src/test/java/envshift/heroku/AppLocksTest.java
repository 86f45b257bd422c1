package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLocksTest {
  @TempDir Path dir;

  private AppLocks locks(Optional<Path> folder) {
    return new AppLocks(folder, Duration.ofMillis(150), "http://127.0.0.1:1");
  }

  @Test
  void aHeldFileLockKeepsASecondWriterOutUntilReleased() throws Exception {
    AppLocks locks = locks(Optional.of(dir));
    HerokuClient.AppLock held = locks.acquire("payroll-staging");

    assertThatThrownBy(() -> CompletableFuture.runAsync(() -> locks.acquire("payroll-staging"))
        .get(2, TimeUnit.SECONDS))
        .hasCauseInstanceOf(EnvshiftException.class)
        .hasMessageContaining("payroll-staging: another envshift run is writing to this app "
            + "(lock " + dir.resolve("payroll-staging.lock") + "); waited 0.15 s, nothing written");
    held.close();

    CompletableFuture.runAsync(() -> locks.acquire("payroll-staging").close())
        .get(2, TimeUnit.SECONDS);
    locks.acquire("payroll-production").close(); // another app: no wait
  }

  @Test
  void withoutAFolderWritesAreSerialisedWithinTheProcess() throws Exception {
    AppLocks locks = locks(Optional.empty());
    try (HerokuClient.AppLock held = locks.acquire("payroll-staging")) {
      assertThatThrownBy(() -> CompletableFuture.runAsync(() -> locks.acquire("payroll-staging"))
          .get(2, TimeUnit.SECONDS))
          .hasMessageContaining("another envshift run is writing to this app (another write in "
              + "this process)");
    }
  }

  @Test
  void aNameThatIsNoPlainAppNameIsHashedIntoTheFileName() {
    assertThat(AppLocks.fileName("payroll-staging")).isEqualTo("payroll-staging.lock");
    assertThat(AppLocks.fileName("../etc/passwd")).matches("app-[0-9a-f]{32}\\.lock");
  }
}
