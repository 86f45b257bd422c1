package envshift.access;

import static envshift.access.OffboardFixtures.DEPLOY;
import static envshift.access.OffboardFixtures.DEV;
import static envshift.access.OffboardFixtures.commit;
import static envshift.access.OffboardFixtures.deployRing;
import static envshift.access.OffboardFixtures.encrypt;
import static envshift.access.OffboardFixtures.git;
import static envshift.access.OffboardFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.access.AccessReport.FileAccess;
import envshift.access.AccessReport.Report;
import envshift.pgp.KeyRing;
import envshift.repo.RepoScanner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access service over a git repo whose history the dev key could read more of than now. */
class AccessReportTest {
  private static final long T0 = 1_700_000_000L;

  @TempDir Path tmp;
  private final KeyRing ring = deployRing();

  private Report report(Path repo, String key) {
    return new AccessReport(RepoScanner.scan(repo), ring).report(Optional.of(key));
  }

  private static FileAccess file(Report report, String path) {
    return report.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void aRekeyedFileListsOnlyTheVariablesWhoseValueTheKeyHasSeen() {
    Path repo = tmp.resolve("repo");
    git(tmp, "init", "--quiet", repo.toString());
    Path app = repo.resolve("configs/app.env.gpg");
    write(app, encrypt("SAME=s\nCHANGED=old\nGONE=g\n", ring, DEPLOY, DEV));
    String c1 = commit(repo, T0, "both read it");
    write(app, encrypt("SAME=s\nCHANGED=new\n", ring, DEPLOY));
    commit(repo, T0 + 10, "rekeyed, CHANGED rotated, GONE dropped");

    FileAccess f = file(report(repo, DEV), "configs/app.env.gpg");

    assertThat(f.present()).isTrue();
    assertThat(f.readableNow()).isFalse();
    assertThat(f.versions()).containsExactly(new AccessReport.Version(Optional.of(c1),
        Optional.of(Instant.ofEpochSecond(T0))));
    assertThat(f.variables()).containsExactly("SAME", "CHANGED", "GONE");
    assertThat(f.unchanged()).containsExactly("SAME");
    assertThat(f.unchangedUnknown()).isEmpty();
    assertThat(f.recipients()).extracting(r -> r.userIds().get(0))
        .containsExactly("Payroll Deploy (TEST ONLY) <deploy@example.org>");
  }

  @Test
  void aValueTheKeySawInAnyVersionCountsNotOnlyTheLastOne() {
    Path repo = tmp.resolve("repo");
    git(tmp, "init", "--quiet", repo.toString());
    Path app = repo.resolve("app.env.gpg");
    write(app, encrypt("TOKEN=first\n", ring, DEPLOY, DEV));
    commit(repo, T0, "one");
    write(app, encrypt("TOKEN=second\n", ring, DEPLOY, DEV));
    commit(repo, T0 + 10, "two");
    write(app, encrypt("TOKEN=first\n", ring, DEPLOY));
    commit(repo, T0 + 20, "rekeyed, and the old value is back");

    FileAccess f = file(report(repo, DEV), "app.env.gpg");

    assertThat(f.versions()).hasSize(2);
    assertThat(f.unchanged()).containsExactly("TOKEN");
  }

  @Test
  void aDeletedFileAndABranchOnlyFileAreListedAndAFileTheKeyNeverReadIsNot() {
    Path repo = tmp.resolve("repo");
    git(tmp, "init", "--quiet", repo.toString());
    write(repo.resolve("old.env.gpg"), encrypt("OLD=o\n", ring, DEPLOY, DEV));
    write(repo.resolve("team.env.gpg"), encrypt("TEAM=t\n", ring, DEPLOY));
    String c1 = commit(repo, T0, "one");
    git(repo, "rm", "--quiet", "old.env.gpg");
    commit(repo, T0 + 10, "cleanup");
    git(repo, "checkout", "--quiet", "-b", "wip");
    write(repo.resolve("wip.env.gpg"), encrypt("WIP=w\n", ring, DEV));
    String c3 = commit(repo, T0 + 20, "wip");
    git(repo, "checkout", "--quiet", "main");

    Report report = report(repo, DEV);

    assertThat(report.historyRead()).isTrue();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.files()).extracting(FileAccess::path)
        .containsExactly("old.env.gpg", "wip.env.gpg");
    FileAccess old = file(report, "old.env.gpg");
    assertThat(old.present()).isFalse();
    assertThat(old.versions()).extracting(v -> v.commit().orElseThrow()).containsExactly(c1);
    assertThat(old.variables()).containsExactly("OLD");
    assertThat(old.unchanged()).isEmpty();
    assertThat(old.unchangedUnknown()).contains(PathAccess.DELETED);
    FileAccess wip = file(report, "wip.env.gpg");
    assertThat(wip.versions()).extracting(v -> v.commit().orElseThrow()).containsExactly(c3);
    assertThat(wip.variablesUnknown()).hasValueSatisfying(why ->
        assertThat(why).startsWith("cannot decrypt: wip.env.gpg at " + c3.substring(0, 12)));
  }

  @Test
  void outsideGitTheWorkingTreeIsTheOnlyVersionAndAWarningSaysSo() {
    Path repo = tmp.resolve("plain");
    write(repo.resolve("app.env.gpg"), encrypt("A=1\n", ring, DEPLOY, DEV));

    Report report = report(repo, DEV);

    assertThat(report.historyRead()).isFalse();
    assertThat(report.warnings()).containsExactly(repo + " is not a git checkout (or git is "
        + "missing): only the current files were read, not their history");
    FileAccess f = file(report, "app.env.gpg");
    assertThat(f.readableNow()).isTrue();
    assertThat(f.versions()).containsExactly(AccessReport.Version.WORKING_TREE);
    assertThat(f.unchanged()).containsExactly("A");
  }

  @Test
  void anUncommittedRekeyCountsAsTheCurrentVersion() {
    Path repo = tmp.resolve("repo");
    git(tmp, "init", "--quiet", repo.toString());
    Path app = repo.resolve("app.env.gpg");
    write(app, encrypt("A=1\nB=2\n", ring, DEPLOY, DEV));
    commit(repo, T0, "one");
    write(app, encrypt("A=1\nB=3\n", ring, DEPLOY)); // not committed yet

    FileAccess f = file(report(repo, DEV), "app.env.gpg");

    assertThat(f.readableNow()).isFalse();
    assertThat(f.versions()).hasSize(1);
    assertThat(f.unchanged()).isEqualTo(List.of("A"));
  }
}
