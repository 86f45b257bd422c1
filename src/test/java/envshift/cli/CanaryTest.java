package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canary {@code CANARY-5e2f0c1d}, which every fixture repo holds in an encrypted source, never
 * appears in stdout, stderr or any file that decrypt, show, dotenv, init, scan, run or textconv
 * writes — unless --reveal or an explicit plaintext output was asked for — and no temp file ever
 * holds it; run hands it to its child's environment only.
 *
 * <p>How temp files are checked: the commands run in a child JVM ({@link ChildEnvshift}, one for
 * the class, serving every command) whose {@code java.io.tmpdir} (and {@code TMPDIR}) is an empty
 * dir of its own. An in-process run cannot be checked soundly: the JDK reads {@code java.io.tmpdir}
 * once per JVM (for {@code Files.createTempFile} and {@code File.createTempFile}), so setting the
 * property in a test redirects nothing, and the shared /tmp also holds other processes' files, some
 * of which (other tests' expected outputs) contain the canary on purpose. After each run the
 * child's temp dir must be empty, and no file under the work tree (the repo copies, with their
 * plaintext {@code expected/} files removed, the home and the copied GnuPG home) may contain the
 * canary, except a file the command was asked to write as plaintext.
 */
class CanaryTest {
  @TempDir static Path shared;
  private static Path javaTmp;
  private static ChildEnvshift child;
  @TempDir Path tmp;
  private Path work;
  private Path captured;
  private int runs;

  @BeforeAll
  static void startChild() throws IOException {
    javaTmp = Files.createDirectories(shared.resolve("java-tmp"));
    child = ChildEnvshift.start(javaTmp, shared.resolve("child.log"));
  }

  @AfterAll
  static void stopChild() {
    child.close();
  }

  @BeforeEach
  void workTree() throws IOException {
    work = Files.createDirectories(tmp.resolve("work"));
    captured = Files.createDirectories(tmp.resolve("captured"));
    for (String repo : List.of("django-blackbox", "dotenv-envs", "flask-symmetric")) {
      Path copy = TestRepos.copy(repo, work);
      for (String f : TestRepos.files(copy.resolve("expected"))) {
        Files.delete(copy.resolve("expected").resolve(f));
      }
      Files.delete(copy.resolve("expected"));
    }
    TestRepos.copyTree(Cli.FIXTURES.resolve("gnupg-home"), work.resolve("gnupg-home"));
    Files.createDirectories(work.resolve("home"));
    assertThat(TestRepos.filesContaining(work, CANARY)).as("the work tree starts clean").isEmpty();
  }

  @Test
  void showMasksInTextAndJsonAndRevealIsTheOnlyWayOut() throws Exception {
    for (String repo : List.of("django-blackbox", "dotenv-envs", "flask-symmetric")) {
      assertClean(run(withKeys("show", "--repo", repo)));
      assertClean(run(withKeys("show", "--repo", repo, "--json")));
    }
    assertClean(run("show", "--repo", "django-blackbox", "--gnupg-home", "gnupg-home", "--json"));

    Run revealed = run(withKeys("show", "--repo", "dotenv-envs", "--reveal", "--json"));

    assertThat(revealed.out).as("asked for: the check can see the canary").contains(CANARY);
    assertThat(revealed.err).doesNotContain(CANARY);
    assertNoFileHoldsTheCanary();
  }

  @Test
  void decryptShowsPlaintextOnlyWhereItWasAskedFor() throws Exception {
    String source = "django-blackbox/configs/settings_deployment.staging.py.gpg";

    Run toStdout = run(withKeys("decrypt", source));
    Run toFile = run(withKeys("decrypt", source, "-o", "plain.py"));
    Run hostile = run(withKeys("decrypt", Cli.fixture("bad/flipped-byte.py.gpg"), "-o", "x.py"));

    assertThat(toStdout.out).as("an explicit plaintext output").contains(CANARY);
    assertThat(toStdout.err).doesNotContain(CANARY);
    assertCleanSuccess(toFile);
    assertThat(Files.readString(work.resolve("plain.py"))).contains(CANARY);
    assertThat(hostile.code).isEqualTo(1);
    assertClean(hostile);
    assertThat(work.resolve("x.py")).doesNotExist();
    assertNoFileHoldsTheCanary("plain.py");
  }

  @Test
  void dotenvEncryptsTheCanaryAndWritesItInClearOnlyWithPlain() throws Exception {
    Run encrypted = run(withKeys("dotenv", "--repo", "dotenv-envs"));

    assertCleanSuccess(encrypted);
    assertThat(work.resolve("dotenv-envs/configs/.env.gpg")).exists();
    assertNoFileHoldsTheCanary();

    Run plain = run(withKeys("dotenv", "--repo", "dotenv-envs", "--plain", "--force"));

    assertCleanSuccess(plain);
    assertNoFileHoldsTheCanary("dotenv-envs/configs/.env");
    assertThat(Files.readString(work.resolve("dotenv-envs/configs/.env"))).contains(CANARY);
  }

  @Test
  void dotenvExampleNamesTheCanaryVariableButNeverHoldsItsValue() throws Exception {
    Run example = run(withKeys("dotenv", "--repo", "dotenv-envs", "--example"));

    assertCleanSuccess(example);
    assertThat(Files.readString(work.resolve("dotenv-envs/configs/.env.example")))
        .contains("GOOGLE_API_KEY=\n");
    assertNoFileHoldsTheCanary();
  }

  @Test
  void initNeverDecryptsSoTheCanaryCannotAppear() throws Exception {
    for (String repo : List.of("django-blackbox", "dotenv-envs", "flask-symmetric")) {
      assertCleanSuccess(run("init", "--repo", repo, "--force"));
    }
    assertNoFileHoldsTheCanary();
  }

  @Test
  void scanNamesTheLeakedVariableButNeverItsValue() throws Exception {
    Path repo = work.resolve("dotenv-envs");
    envshift.access.OffboardFixtures.git(repo, "init", "--quiet");
    envshift.access.OffboardFixtures.commit(repo, 1_700_000_000L, "encrypted");
    Files.writeString(repo.resolve("README.md"), "smtp: " + CANARY + "-dotenv-staging\n");
    envshift.access.OffboardFixtures.commit(repo, 1_700_000_010L, "leak");

    Run text = run(withKeys("scan", "--repo", "dotenv-envs", "--history"));
    Run json = run(withKeys("scan", "--repo", "dotenv-envs", "--json"));

    assertThat(text.code).as(text.err).isEqualTo(2);
    assertThat(text.out).contains("README.md: value of EMAIL_HOST_PASSWORD (staging)");
    assertThat(json.code).as(json.err).isEqualTo(2);
    assertClean(text);
    assertClean(json);
    assertNoFileHoldsTheCanary("dotenv-envs/README.md");
  }

  @Test
  void rekeyJsonNamesFilesAndRecipientsButNeverAValue() throws Exception {
    Run json = run(withKeys("rekey", "--repo", "django-blackbox",
        "django-blackbox/configs/settings_deployment.staging.py.gpg",
        "--public-key", Cli.fixture("keys/outsider-rsa.pub.asc"),
        "--add-recipient", "outsider@example.org", "--json"));

    assertThat(json.code).as(json.err).isZero();
    assertThat(json.out).startsWith("{\"files\":[{\"path\":");
    assertClean(json);
  }

  @Test
  void textconvShowsFingerprintsAndItsKeyFileHoldsNoCanary() throws Exception {
    Path repo = work.resolve("dotenv-envs");
    envshift.access.OffboardFixtures.git(repo, "init", "--quiet");

    Run staging = run(withKeys("textconv", "dotenv-envs/configs/.env.staging.gpg"));

    assertCleanSuccess(staging);
    assertThat(staging.out).contains("EMAIL_HOST_PASSWORD  ");
    assertNoFileHoldsTheCanary();
  }

  @Test
  void runHandsTheCanaryToTheChildsEnvironmentAndNowhereElse() throws Exception {
    // The child proves it holds the value by printing its hash, never the value itself.
    String hashed = "printf %s \"$GOOGLE_API_KEY\" | sha256sum";
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest((CANARY + "-dotenv-dev").getBytes(StandardCharsets.UTF_8)));

    Run ran = run(runWithKeys("sh", "-c", hashed));
    Run failed = run(runWithKeys("sh", "-c", "exit 3"));

    assertCleanSuccess(ran);
    assertThat(ran.out).isEqualTo(expected + "  -\n");
    assertThat(failed.code).isEqualTo(3);
    assertClean(failed);
    assertNoFileHoldsTheCanary();
  }

  private void assertCleanSuccess(Run r) throws IOException {
    assertThat(r.code).as(r.args + ": " + r.err).isZero();
    assertClean(r);
  }

  private void assertClean(Run r) throws IOException {
    assertThat(r.out).doesNotContain(CANARY);
    assertThat(r.err).doesNotContain(CANARY);
    assertThat(TestRepos.files(javaTmp)).as("temp files left by " + r.args).isEmpty();
  }

  /** No file of the work tree or the child's temp dir holds the canary, except {@code asked}. */
  private void assertNoFileHoldsTheCanary(String... asked) {
    assertThat(TestRepos.filesContaining(work, CANARY)).containsExactlyInAnyOrder(asked);
    assertThat(TestRepos.filesContaining(javaTmp, CANARY)).isEmpty();
  }

  private static String[] withKeys(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--secret-key", Cli.fixture("keys/deploy-rsa.asc"),
            "--passphrase-file", Cli.fixture("keys/flask.passphrase")));
    return all.toArray(String[]::new);
  }

  /** {@code run} on dotenv-envs with the keys, then {@code -- command}. */
  private static String[] runWithKeys(String... command) {
    List<String> all = new ArrayList<>(List.of(withKeys("run", "--repo", "dotenv-envs")));
    all.add("--");
    all.addAll(List.of(command));
    return all.toArray(String[]::new);
  }

  private record Run(List<String> args, int code, String out, String err) {}

  /** Runs envshift in the child JVM, in the work dir, with its own home and GnuPG home. */
  private Run run(String... args) {
    Path out = captured.resolve(runs + ".out");
    Path err = captured.resolve(runs++ + ".err");
    Path home = work.resolve("home");
    int code = child.run(out, err, work, home, home.resolve("no-gnupg"), List.of(args));
    return new Run(List.of(args), code, ChildEnvshift.read(out), ChildEnvshift.read(err));
  }
}
