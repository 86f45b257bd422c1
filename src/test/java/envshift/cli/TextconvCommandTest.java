package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.access.OffboardFixtures;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift textconv}: a git diff shows which variables changed, never a value. */
class TextconvCommandTest {
  private static final String V1 = "# TEST ONLY\nDEBUG=false\nPORT=5432\nAPI_TOKEN=" + CANARY
      + "-one\nZULU=last\n";
  private static final String V2 = V1.replace(CANARY + "-one", CANARY + "-two");

  @TempDir Path tmp;

  @Test
  void twoVersionsDifferingInOneValueDifferInExactlyThatLine() throws IOException {
    Path repo = gitRepo();
    Path one = encrypted(repo.resolve("one.env.gpg"), V1);
    Path two = encrypted(repo.resolve("two.env.gpg"), V2);

    Cli.Result first = cli(repo).run(withKeys("textconv", one.toString()));
    Cli.Result second = cli(repo).run(withKeys("textconv", two.toString()));
    Cli.Result again = cli(repo).run(withKeys("textconv", one.toString()));

    assertThat(first.code()).as(first.err()).isZero();
    List<String> a = first.out().lines().toList();
    List<String> b = second.out().lines().toList();
    assertThat(a).extracting(l -> l.split("  ")[0])
        .containsExactly("API_TOKEN", "DEBUG", "PORT", "ZULU");
    assertThat(a).allMatch(l -> l.matches("[A-Z_]+  [0-9a-f]{12}"));
    List<String> onlyInFirst = new ArrayList<>(a);
    onlyInFirst.removeAll(b);
    assertThat(onlyInFirst).hasSize(1).allMatch(l -> l.startsWith("API_TOKEN  "));
    assertThat(again.out()).isEqualTo(first.out()); // the key stays: same value, same line
    for (Cli.Result r : List.of(first, second)) {
      assertThat(r.both()).doesNotContain(CANARY, "5432", "false", "last");
    }
  }

  @Test
  void theFingerprintIsKeyedPerRepoSoItCannotBeTestedAgainstGuesses() throws IOException {
    Path one = encrypted(tmp.resolve("settings.env.gpg"), V1);
    Cli.Result inA = cli(gitRepo("a")).run(withKeys("textconv", one.toString()));
    Cli.Result inB = cli(gitRepo("b")).run(withKeys("textconv", one.toString()));

    assertThat(inA.code()).as(inA.err()).isZero();
    assertThat(inA.out()).isNotEqualTo(inB.out());
    assertThat(tmp.resolve("a/.git/envshift-fingerprint.key")).isRegularFile();
  }

  @Test
  void theKindIsDetectedFromTheNameGitGivesItsTempFile() throws IOException {
    Path repo = gitRepo();
    // git names the temp file XXXXXX_<base name of the path>
    Path python = encrypted(repo.resolve("Ab12Cd_settings_staging.py.gpg"),
        "# TEST ONLY\nSECRET_KEY = '" + CANARY + "-py'\nDATABASES = {'default': {'PORT': 5432}}\n");

    Cli.Result r = cli(repo).run(withKeys("textconv", python.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().map(l -> l.split("  ")[0]))
        .containsExactly("DATABASES", "SECRET_KEY");
    assertThat(r.both()).doesNotContain(CANARY, "5432");
  }

  @Test
  void aFileItCannotReadIsOneLineOnStderrAndExitOne() throws IOException {
    Path repo = gitRepo();
    Files.writeString(repo.resolve("notes.txt"), "just prose, no settings here\n");
    Path broken = Files.write(repo.resolve("broken.env.gpg"), new byte[] {1, 2, 3});

    for (String file : List.of("missing.env.gpg", "notes.txt", broken.toString())) {
      Cli.Result r = cli(repo).run(withKeys("textconv", file));
      assertThat(r.code()).as(file).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.errLines()).as(r.err()).hasSize(1);
    }
    assertThat(repo.resolve(".git/envshift-fingerprint.key")).doesNotExist();
  }

  @Test
  void gitDiffWithTheDriverConfiguredShowsTheChangedNameAndNoValue() throws IOException {
    Path repo = gitRepo();
    Files.writeString(repo.resolve(".gitattributes"), "*.gpg diff=envshift\n");
    encrypted(repo.resolve("production.env.gpg"), V1);
    OffboardFixtures.commit(repo, 1_700_000_000L, "v1");
    encrypted(repo.resolve("production.env.gpg"), V2);
    // no class-data archive in the user's cache from a test (git runs this through a shell)
    String launcher = "ENVSHIFT_CDS=0 " + Cli.PROJECT.resolve("envshift") + " textconv"
        + " --secret-key " + Cli.fixture("keys/deploy-rsa.asc")
        + " --passphrase-file " + Cli.fixture("keys/flask.passphrase");
    OffboardFixtures.git(repo, "config", "diff.envshift.textconv", launcher);

    String diff = OffboardFixtures.git(repo, "diff");

    assertThat(diff).contains("-API_TOKEN  ", "+API_TOKEN  ");
    assertThat(diff).doesNotContain(CANARY, "-PORT", "+PORT", "Binary files");
  }

  private Path gitRepo() throws IOException {
    return gitRepo("repo");
  }

  private Path gitRepo(String name) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve(name));
    OffboardFixtures.git(repo, "init", "--quiet");
    return repo;
  }

  private Cli cli(Path cwd) {
    return new Cli(tmp.resolve("home")).cwd(cwd);
  }

  private static Path encrypted(Path file, String text) throws IOException {
    KeyRing keys = KeyRing.builder()
        .publicKeyFile(Cli.FIXTURES.resolve("keys/deploy-rsa.pub.asc")).build();
    byte[] message = Encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8),
        Recipients.resolve(List.of("deploy@example.org"), keys), keys, false, "settings.env");
    return Files.write(file, message);
  }

  private static String[] withKeys(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--secret-key", Cli.fixture("keys/deploy-rsa.asc"),
        "--passphrase-file", Cli.fixture("keys/flask.passphrase")));
    return all.toArray(String[]::new);
  }
}
