package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupStoreTest {
  private static final Path DEPLOY = Path.of("fixtures/keys/deploy-rsa.asc").toAbsolutePath();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T04:13:32Z"), ZoneOffset.UTC);
  private static final Map<String, Secret> CONFIG =
      Map.of("PASSWORD", Secret.of("CANARY-5e2f0c1d-backup"), "EMPTY", Secret.of(""));

  @TempDir Path dir;
  private final KeyRing ring = KeyRing.builder().secretKeyFile(DEPLOY).build();
  private final List<Recipient> deploy = Recipients.resolve(List.of("deploy@example.org"), ring);

  @Test
  void aBackupIsNamedByAppAndUtcTimeMode0600ArmoredAndReadsBack() throws IOException {
    BackupStore store = new BackupStore(dir.resolve("backups"), deploy, ring, CLOCK);

    Path file = store.save("payroll-staging", CONFIG);

    assertThat(file.getFileName()).hasToString("payroll-staging-20261129T041332Z.json.asc");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String text = Files.readString(file);
    assertThat(text).startsWith("-----BEGIN PGP MESSAGE-----").doesNotContain("CANARY");
    BackupStore.Backup back = BackupStore.read(Files.readAllBytes(file), "b", new Decryptor(ring));
    assertThat(back.app()).isEqualTo("payroll-staging");
    assertThat(back.config()).isEqualTo(CONFIG);
  }

  @Test
  void twoBackupsInTheSameSecondGetDistinctNames() {
    BackupStore store = new BackupStore(dir, deploy, ring, CLOCK);

    Path first = store.save("app-a", CONFIG);
    Path second = store.save("app-a", CONFIG);

    assertThat(second).isNotEqualTo(first);
    assertThat(second.getFileName()).hasToString("app-a-20261129T041332Z-2.json.asc");
  }

  @Test
  void manyAppsBackingUpAtOnceAllSucceed() throws Exception {
    BackupStore store = new BackupStore(dir, deploy, ring, CLOCK);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i : IntStream.range(0, 16).toArray()) {
      Thread t = new Thread(() -> {
        try {
          store.save("app-" + i, CONFIG);
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(16);
    }
  }

  @Test
  void theDefaultFolderFollowsXdgStateHome() {
    Path home = Path.of("/home/u");
    assertThat(BackupStore.defaultDir(Map.of("XDG_STATE_HOME", "/state"), home))
        .isEqualTo(Path.of("/state/envshift/backups"));
    assertThat(BackupStore.defaultDir(Map.of(), home))
        .isEqualTo(Path.of("/home/u/.local/state/envshift/backups"));
    assertThat(BackupStore.stateDir(Map.of("XDG_STATE_HOME", ""), home))
        .as("the write locks' folder is beside the backups")
        .isEqualTo(Path.of("/home/u/.local/state/envshift"));
  }

  @Test
  void anEncryptedFileThatIsNotABackupIsRefusedWithoutQuotingIt() {
    byte[] other = Encryptor.encrypt("SECRET=CANARY-5e2f0c1d-x\n".getBytes(StandardCharsets.UTF_8),
        deploy, ring, true, ".env");

    assertThatThrownBy(() -> BackupStore.read(other, "dev.env.asc", new Decryptor(ring)))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("dev.env.asc: not an envshift backup (invalid JSON)")
        .hasNoCause();
  }
}
