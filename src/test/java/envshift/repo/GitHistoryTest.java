package envshift.repo;

import static envshift.access.OffboardFixtures.commit;
import static envshift.access.OffboardFixtures.git;
import static envshift.access.OffboardFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitHistory} against real git repos made under a temp dir. */
class GitHistoryTest {
  private static final long T0 = 1_700_000_000L;

  @TempDir Path tmp;

  /** Armored text is enough for a content check that never decrypts. */
  private static byte[] message(String body) {
    return ("-----BEGIN PGP MESSAGE-----\n\n" + body + "\n-----END PGP MESSAGE-----\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String text(GitHistory.Version v) {
    return text(v.content());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void aFolderOutsideAnyCheckoutHasNoHistory() {
    assertThat(GitHistory.open(tmp)).isEmpty();
  }

  @Test
  void everyVersionOfEveryEncryptedFileOnEveryBranchIsListedOnceWithItsOldestCommit() {
    Path repo = tmp.resolve("repo");
    git(tmp, "init", "--quiet", repo.toString());
    write(repo.resolve("configs/a.env.gpg"), message("a1"));
    write(repo.resolve("README"), "plain text\n".getBytes(StandardCharsets.UTF_8));
    String c1 = commit(repo, T0, "one");
    write(repo.resolve("configs/a.env.gpg"), message("a2"));
    write(repo.resolve("configs/copy.env.gpg"), message("a1")); // same blob, another path
    String c2 = commit(repo, T0 + 10, "two");
    git(repo, "rm", "--quiet", "configs/a.env.gpg");
    commit(repo, T0 + 20, "three: deleted");
    git(repo, "checkout", "--quiet", "-b", "feature", c1);
    write(repo.resolve("b.py.gpg"), message("b1"));
    String c4 = commit(repo, T0 + 30, "four, on a branch");
    git(repo, "checkout", "--quiet", "main");

    List<GitHistory.Version> versions = GitHistory.open(repo).orElseThrow().encryptedVersions();

    assertThat(versions).extracting(GitHistory.Version::path, GitHistory.Version::commit,
            GitHistory.Version::date)
        .containsExactly(
            tuple("b.py.gpg", c4, Instant.ofEpochSecond(T0 + 30)),
            tuple("configs/a.env.gpg", c1, Instant.ofEpochSecond(T0)),
            tuple("configs/a.env.gpg", c2,
                Instant.ofEpochSecond(T0 + 10)),
            tuple("configs/copy.env.gpg", c2,
                Instant.ofEpochSecond(T0 + 10)));
    assertThat(versions).extracting(GitHistoryTest::text)
        .containsExactly(text(message("b1")), text(message("a1")), text(message("a2")),
            text(message("a1")));
  }

  @Test
  void aRootInsideALargerCheckoutSeesItsOwnFilesWithPathsRelativeToIt() {
    Path repo = tmp.resolve("mono");
    git(tmp, "init", "--quiet", repo.toString());
    write(repo.resolve("service/configs/x.env.gpg"), message("x"));
    write(repo.resolve("other/y.env.gpg"), message("y"));
    commit(repo, T0, "one");

    List<GitHistory.Version> versions =
        GitHistory.open(repo.resolve("service")).orElseThrow().encryptedVersions();

    assertThat(versions).extracting(GitHistory.Version::path)
        .containsExactly("configs/x.env.gpg");
  }

  @Test
  void aCheckoutWithoutCommitsHasAnEmptyHistory() {
    Path repo = tmp.resolve("empty");
    git(tmp, "init", "--quiet", repo.toString());

    assertThat(GitHistory.open(repo).orElseThrow().encryptedVersions()).isEmpty();
  }

  @Test
  void aBlobAtAPathSpansTheOldestAndNewestCommitThatWroteItOnAnyBranch() {
    Path repo = tmp.resolve("spans");
    git(tmp, "init", "--quiet", repo.toString());
    write(repo.resolve("README"), "leak\n".getBytes(StandardCharsets.UTF_8));
    String c1 = commit(repo, T0, "one");
    write(repo.resolve("README"), "fixed\n".getBytes(StandardCharsets.UTF_8));
    commit(repo, T0 + 10, "two");
    git(repo, "checkout", "--quiet", "-b", "feature");
    write(repo.resolve("README"), "leak\n".getBytes(StandardCharsets.UTF_8));
    String c3 = commit(repo, T0 + 20, "three: the leak again, on a branch");
    git(repo, "checkout", "--quiet", "main");

    GitHistory history = GitHistory.open(repo).orElseThrow();
    String leak = git(repo, "rev-parse", c1 + ":README");

    assertThat(history.blobsAtPaths())
        .filteredOn(b -> b.blob().equals(leak))
        .extracting(GitHistory.BlobAtPath::path, GitHistory.BlobAtPath::first,
            GitHistory.BlobAtPath::last)
        .containsExactly(tuple("README", c1, c3));
    assertThat(history.blobsAtPaths()).hasSize(2);
  }

  @Test
  void trackedFilesAreTheStagedRegularFilesRelativeToTheRootAndBlobsStreamInOrder() {
    Path repo = tmp.resolve("tracked");
    git(tmp, "init", "--quiet", repo.toString());
    write(repo.resolve("svc/a.txt"), "a\n".getBytes(StandardCharsets.UTF_8));
    write(repo.resolve("other/b.txt"), "b\n".getBytes(StandardCharsets.UTF_8));
    commit(repo, T0, "one");
    write(repo.resolve("svc/new.txt"), "new\n".getBytes(StandardCharsets.UTF_8));
    git(repo, "add", "svc/new.txt");

    GitHistory history = GitHistory.open(repo.resolve("svc")).orElseThrow();
    List<GitHistory.Tracked> tracked = history.tracked();
    List<String> read = new java.util.ArrayList<>();
    int skipped = history.readBlobs(tracked.stream().map(GitHistory.Tracked::blob).toList(),
        (blob, content) -> read.add(text(content)));

    assertThat(tracked).extracting(GitHistory.Tracked::path).containsExactly("a.txt", "new.txt");
    assertThat(read).containsExactly("a\n", "new\n");
    assertThat(skipped).isZero();
  }

  @Test
  void theRawLogSkipsDeletionsSymlinksAndSubmodules() {
    String z = "\0";
    String log = "\u0001c2 20" + z
        + "\n:100644 000000 aaa 000 D" + z + "gone" + z
        + ":000000 120000 000 bbb A" + z + "link" + z
        + ":000000 160000 000 ccc A" + z + "sub" + z
        + ":100644 100755 ddd eee M" + z + "kept" + z
        + "\u0001c1 10" + z;

    assertThat(GitHistory.parseLog(log))
        .containsExactly(new GitHistory.Change("kept", "c2", Instant.ofEpochSecond(20), "eee", 0));
  }
}
