package envshift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 4: a kill between the temp write and the rename must leave no plaintext that
 * git would show. In a work tree the temp file is made in the git directory, and what a killed run
 * left there is swept by the next write.
 */
class SecureFilesKillTest {
  @TempDir Path repo;

  private void git(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(concat(args)).directory(repo.toFile())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }

  private static List<String> concat(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("git"));
    all.addAll(List.of(args));
    return all;
  }

  private String gitStatus() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=all",
        "--ignored").directory(repo.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  @Test
  void inAWorkTreeTheTempFileIsMadeInTheGitDirectoryNeverBesideTheTarget() throws Exception {
    git("init", "--quiet");
    Path target = repo.resolve("config/.env");
    Files.createDirectories(target.getParent());

    Path tempDir = SecureFiles.tempDirFor(target);

    assertThat(tempDir).isEqualTo(repo.resolve(".git/envshift-tmp"));
    assertThat(Files.getPosixFilePermissions(tempDir)).hasSize(3);
  }

  @Test
  void whatAKilledRunLeftIsInvisibleToGitAndSweptByTheNextWrite() throws Exception {
    git("init", "--quiet");
    Path tempDir = SecureFiles.tempDirFor(repo.resolve(".env"));
    // a run killed after writing its temp file, five minutes ago
    Path leftover = tempDir.resolve("..env.123456.tmp");
    Files.writeString(leftover, "SECRET_KEY=CANARY-5e2f0c1d\n");
    Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(300)));
    assertThat(gitStatus()).isEmpty();

    SecureFiles.write(repo.resolve(".env"), "A=1\n".getBytes(StandardCharsets.UTF_8));

    assertThat(leftover).doesNotExist();
    assertThat(gitStatus()).isEqualTo("?? .env\n");
    try (var left = Files.list(tempDir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void outsideAWorkTreeTheTempFileStaysBesideTheTarget() throws IOException {
    Path target = repo.resolve("out/.env");
    Files.createDirectories(target.getParent());

    assertThat(SecureFiles.tempDirFor(target)).isEqualTo(target.getParent());
  }
}
