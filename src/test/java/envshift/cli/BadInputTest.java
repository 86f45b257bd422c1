package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every hostile fixture (fixtures/bad, see fixtures/README.md) through decrypt, show and dotenv:
 * one line on stderr naming the file (and line), exit 1, no stack trace unless --debug, the canary
 * that each hostile plaintext holds never shown, and no file written — not OUT, not a temp file,
 * not a .env.
 */
class BadInputTest {
  @TempDir Path tmp;

  /** Hostile messages: file, and what the one line must say besides the file name. */
  static Stream<Arguments> messages() {
    return Stream.of(
        Arguments.of("truncated.py.gpg", "truncated"),
        Arguments.of("flipped-byte.py.gpg", "integrity check failed"),
        Arguments.of("other-key.py.gpg", TestRepos.keyId("outsider-rsa", "subkey")),
        Arguments.of("no-mdc.py.gpg", "not integrity protected"),
        Arguments.of("garbage.gpg", "not an OpenPGP"));
  }

  /**
   * Hostile sources, as a development source: file, the origin the line names, and what it says.
   */
  static Stream<Arguments> sources() {
    List<Arguments> all = new ArrayList<>();
    messages().forEach(a -> all.add(Arguments.of(a.get()[0], a.get()[0] + ":", a.get()[1])));
    all.add(Arguments.of("non-utf8.py.gpg", "non-utf8.py.gpg:4:", "not UTF-8"));
    all.add(Arguments.of("syntax-error.py.gpg", "syntax-error.py.gpg:4:", "syntax"));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void decryptToAFileFailsWithOneLineAndWritesNothing(String file, String says) throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.copy(Cli.FIXTURES.resolve("bad/" + file), work.resolve(file));

    Cli.Result r = cli().cwd(work).run(withKeys("decrypt", file, "-o", "out.txt"));

    assertOneLineError(r, file + ": ", says);
    assertThat(TestRepos.files(work)).as("no OUT, no temp file").containsExactly(file);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void decryptWithDebugShowsTheTraceButNoSecret(String file, String says) {
    Cli.Result r = cli().run(withKeys("decrypt", Cli.fixture("bad/" + file), "--debug"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines().get(0)).contains(file).contains(says);
    assertThat(r.err()).contains("\tat envshift.pgp.");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void showOfAHostileSourceFailsWithOneLineNamingFileAndLine(
      String file, String origin, String says) {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/" + file, "");

    Cli.Result r = cli().run(withKeys("show", "--repo", repo.toString(), "--reveal"));

    assertOneLineError(r, origin, says);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void dotenvOfAHostileSourceWritesNothing(String file, String origin, String says) {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/" + file, "");
    List<String> before = TestRepos.files(repo);

    Cli.Result r = cli().run(withKeys("dotenv", "--repo", repo.toString(), "--plain", "--force"));

    assertOneLineError(r, origin, says);
    assertThat(TestRepos.files(repo)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void showWithDebugAddsTheTraceAndStillNoSecret(String file, String origin, String says) {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/" + file, "");

    Cli.Result r = cli().run(withKeys("show", "--repo", repo.toString(), "--reveal", "--debug"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines().get(0)).startsWith("envshift: " + origin).contains(says);
    assertThat(r.errLines()).hasSizeGreaterThan(2);
    assertThat(r.err()).contains("\tat envshift.");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void anInvalidNameOnLine3IsSkippedWithAWarningAndTheRestOfTheFileIsShown() {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/bad-name.env.gpg", "");

    Cli.Result r = cli().run(withKeys("show", "--repo", repo.toString()));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("envshift: warning: bad-name.env.gpg:3: MY-VAR is not a valid")
        .contains("drop: [MY-VAR]");
    assertThat(r.out()).contains("HEROKU_API").doesNotContain("MY-VAR");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void withStrictTheSkippedNameIsAnErrorNamingFileAndLine() {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/bad-name.env.gpg", "");

    Cli.Result r = cli().run(withKeys("show", "--repo", repo.toString(), "--strict"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(2).last().asString()
        .startsWith("envshift: bad-name.env.gpg:3: MY-VAR is not a valid")
        .endsWith("(--strict: a warning in environment development)");
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void aHerokuPrefixedNameIsRefusedOnlyWhereTheEnvironmentPushesToHeroku() {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/bad-name.env.gpg",
        "    heroku: {app: payroll-dev}\ndrop: [MY-VAR]\n");

    Cli.Result r = cli().run(withKeys("show", "--repo", repo.toString(), "--reveal"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).last().asString()
        .startsWith("envshift: bad-name.env.gpg:4: environment development pushes to Heroku")
        .contains("HEROKU_API (bad-name.env.gpg:4)");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void wrongPassphraseForAMessageIsOneLine() {
    Path wrong = writeWrongPassphrase();

    Cli.Result r =
        cli()
            .run(
                "decrypt",
                Cli.fixture("repos/flask-symmetric/configs/app_config.py.asc"),
                "--passphrase-file",
                wrong.toString(),
                "-o",
                tmp.resolve("out").toString());

    assertOneLineError(r, "app_config.py.asc: ", "wrong passphrase");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void wrongPassphraseForAProtectedKeyNamesTheKey() {
    Path repo =
        TestRepos.withSource(
            tmp.resolve("repo"),
            "repos/django-blackbox/configs/settings_deployment.staging.py.gpg",
            "");

    Cli.Result r =
        cli()
            .run(
                "show",
                "--repo",
                repo.toString(),
                "--secret-key",
                Cli.fixture("keys/dev-cv25519.asc"),
                "--passphrase-file",
                writeWrongPassphrase().toString());

    assertOneLineError(r, "settings_deployment.staging.py.gpg: ", "wrong passphrase");
    assertThat(r.err()).contains(TestRepos.keyId("dev-cv25519", "subkey"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "dotenv"})
  void manifestWithAnUnknownKeyNamesItsLine(String command) {
    assertManifestError(command, "manifest-unknown-key.yml", "envshift.yml:7:", "herokuu");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "dotenv"})
  void manifestThatIsNotYamlNamesItsLine(String command) {
    assertManifestError(command, "manifest-bad-yaml.yml", "envshift.yml:6:", "invalid YAML");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"show", "dotenv"})
  void manifestWithAMissingSourceNamesItsLineAndPath(String command) {
    assertManifestError(
        command, "manifest-missing-source.yml", "envshift.yml:6:", "configs/does-not-exist.py.gpg");
  }

  private void assertManifestError(String command, String manifest, String origin, String says) {
    Path repo = tmp.resolve("repo");
    TestRepos.copyTree(Cli.FIXTURES.resolve("repos/django-blackbox"), repo);
    try {
      Files.copy(
          Cli.FIXTURES.resolve("bad/" + manifest),
          repo.resolve("envshift.yml"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> before = TestRepos.files(repo);

    Cli.Result r = cli().run(withKeys(command, "--repo", repo.toString()));

    assertOneLineError(r, origin, says);
    assertThat(TestRepos.files(repo)).isEqualTo(before);
  }

  private static void assertOneLineError(Cli.Result r, String origin, String says) {
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).as("exactly one line, no stack trace").hasSize(1);
    assertThat(r.errLines().get(0)).contains(origin).contains(says).doesNotContain("\tat ");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  private Path writeWrongPassphrase() {
    try {
      return Files.writeString(tmp.resolve("wrong.passphrase"), "not-the-passphrase");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Cli cli() {
    return new Cli(tmp.resolve("home"));
  }

  /** Both fixture keys that could open a fixture file: the deploy key and the flask passphrase. */
  private static String[] withKeys(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--secret-key",
            Cli.fixture("keys/deploy-rsa.asc"),
            "--passphrase-file",
            Cli.fixture("keys/flask.passphrase")));
    return all.toArray(String[]::new);
  }
}
