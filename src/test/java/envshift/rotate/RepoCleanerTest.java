package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoCleanerTest {
  @TempDir Path repo;

  @Test
  void outsideGitFilesAreDeletedAndOnlyTheListedLinesLeaveTheLists() throws IOException {
    Files.createDirectories(repo.resolve(".blackbox"));
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/.env.staging.gpg"), "x");
    Files.writeString(repo.resolve(".blackbox/blackbox-files.txt"),
        "configs/.env.development\r\n./configs/.env.staging\r\nconfigs/nginx.conf");
    Files.writeString(repo.resolve(".gitignore"), "/configs/.env.staging\n# keep me\n*.log");
    CleanupPlan plan = new CleanupPlan(List.of("configs/.env.staging.gpg"),
        Optional.of(".blackbox/blackbox-files.txt"), List.of("configs/.env.staging"),
        List.of("/configs/.env.staging"), List.of(), List.of());

    List<String> done = new RepoCleaner(repo).execute(plan);

    assertThat(repo.resolve("configs/.env.staging.gpg")).doesNotExist();
    assertThat(Files.readString(repo.resolve(".blackbox/blackbox-files.txt")))
        .isEqualTo("configs/.env.development\r\nconfigs/nginx.conf");
    assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo("# keep me\n*.log");
    assertThat(done).containsExactly("removed configs/.env.staging.gpg",
        ".blackbox/blackbox-files.txt: removed configs/.env.staging",
        ".gitignore: removed /configs/.env.staging");
  }
}
