package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.pgp.Gpg;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift dotenv} on copies of the fixture repos: what it writes, where, how (mode 0600,
 * encrypted or refused), and that the real gpg and the dotenv readers get back exactly the
 * development variables.
 */
class DotenvCommandTest {
  private static final String DEPLOY_KEY = Cli.fixture("keys/deploy-rsa.asc");

  @TempDir static Path shared;
  static Gpg gpg;

  @TempDir Path tmp;

  /** A gpg home holding the deploy secret key, to read what envshift encrypts. */
  @BeforeAll
  static void importDeployKey() throws IOException {
    gpg = Gpg.create(shared.resolve("gnupg"));
    gpg.importKeys(Files.readAllBytes(Cli.FIXTURES.resolve("keys/deploy-rsa.asc")));
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  @Test
  void encryptsToTheManifestRecipientsAndGpgReadsBackTheDevelopmentVariables() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString(), "--secret-key", DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("wrote configs/.env.gpg: 6 variables, compose flavor, encrypted to ")
        .contains("<deploy@example.org>", "<dev@example.org>");
    assertThat(r.both()).doesNotContain(CANARY);
    Path written = repo.resolve("configs/.env.gpg");
    assertThat(mode(written)).isEqualTo("rw-------");
    byte[] message = Files.readAllBytes(written);
    assertThat(TestRepos.indexOf(message, CANARY.getBytes(StandardCharsets.UTF_8))).isNegative();
    assertThat(recipientsOf(message))
        .contains(
            TestRepos.keyId("deploy-rsa", "subkey"), TestRepos.keyId("dev-cv25519", "subkey"));
    assertThat(readBack(gpgDecrypt(message), DotenvFlavor.COMPOSE))
        .containsExactlyEntriesOf(expected("dotenv-envs", "development"));
  }

  @Test
  void withoutManifestRecipientsItEncryptsToTheLegacyFilesRecipients() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest, Files.readString(manifest).replaceAll("(?m)^recipients:.*\n", ""));

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString(), "--secret-key", DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    byte[] message = Files.readAllBytes(repo.resolve("configs/.env.gpg"));
    assertThat(recipientsOf(message))
        .containsExactlyInAnyOrder(
            TestRepos.keyId("deploy-rsa", "subkey"), TestRepos.keyId("dev-cv25519", "subkey"));
    assertThat(readBack(gpgDecrypt(message), DotenvFlavor.COMPOSE))
        .containsExactlyEntriesOf(expected("dotenv-envs", "development"));
  }

  @Test
  void encryptedSourcesMakeAnEncryptedFileEvenWhenTheManifestSaysDotEnv() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest, Files.readString(manifest).replace("configs/.env.gpg", ".env"));

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString(), "--secret-key", DEPLOY_KEY);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote .env.gpg: ");
    assertThat(repo.resolve(".env")).doesNotExist();
    assertThat(
            readBack(
                gpgDecrypt(Files.readAllBytes(repo.resolve(".env.gpg"))), DotenvFlavor.COMPOSE))
        .containsExactlyEntriesOf(expected("dotenv-envs", "development"));
  }

  @Test
  void aRecipientOutsideTheRepoKeyringNeedsItsPublicKey() throws IOException {
    Path repo = TestRepos.copy("django-blackbox", tmp);
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("dotenv: .env", "dotenv: .env.gpg")
            .replaceAll("(?m)^recipients:.*$", "recipients: [outsider@example.org]"));

    Cli.Result missing = cli().run("dotenv", "--repo", repo.toString());
    boolean writtenWithoutKey = Files.exists(repo.resolve(".env.gpg"));
    Cli.Result given =
        cli()
            .run(
                "dotenv",
                "--repo",
                repo.toString(),
                "--public-key",
                Cli.fixture("keys/outsider-rsa.pub.asc"));

    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.errLines())
        .last()
        .asString()
        .startsWith("envshift: recipient 'outsider@example.org' matches no key")
        .contains("--public-key FILE");
    assertThat(writtenWithoutKey).as("nothing written on failure").isFalse();
    assertThat(given.code()).as(given.err()).isZero();
    assertThat(repo.resolve(".env.gpg")).exists();
    assertThat(recipientsOf(Files.readAllBytes(repo.resolve(".env.gpg"))))
        .containsExactly(TestRepos.keyId("outsider-rsa", "subkey"));
  }

  @Test
  void plainOutputThatGitWouldCommitIsRefusedUnlessForced() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);
    List<String> before = TestRepos.files(repo);

    Cli.Result refused =
        cli().run("dotenv", "--repo", repo.toString(), "--plain", "--secret-key", DEPLOY_KEY);

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.errLines())
        .containsExactly(
            "envshift: refusing to write plaintext configs/.env: .gitignore does not ignore it"
                + " (add it to .gitignore, or use --force)");
    assertThat(TestRepos.files(repo)).isEqualTo(before);

    Cli.Result forced =
        cli()
            .run(
                "dotenv",
                "--repo",
                repo.toString(),
                "--plain",
                "--force",
                "--secret-key",
                DEPLOY_KEY);

    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(forced.out())
        .isEqualTo("wrote configs/.env: 6 variables, compose flavor, plaintext, mode 0600\n");
    assertThat(forced.both()).doesNotContain(CANARY);
    Path written = repo.resolve("configs/.env");
    assertThat(mode(written)).isEqualTo("rw-------");
    assertThat(readBack(Files.readString(written), DotenvFlavor.COMPOSE))
        .containsExactlyEntriesOf(expected("dotenv-envs", "development"));
  }

  @Test
  void aPlainFileThatGitignoreIgnoresIsWrittenWithoutForce() throws IOException {
    Path repo = TestRepos.copy("django-blackbox", tmp);
    Files.writeString(
        repo.resolve(".gitignore"), "\n.env\n", java.nio.file.StandardOpenOption.APPEND);

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("wrote .env: 8 variables, compose flavor, plaintext, mode 0600\n");
    assertThat(mode(repo.resolve(".env"))).isEqualTo("rw-------");
    assertThat(readBack(Files.readString(repo.resolve(".env")), DotenvFlavor.COMPOSE))
        .containsExactlyEntriesOf(expected("django-blackbox", "development"));
  }

  @Test
  void pythonFlavorReadsBackWithPythonDotenvRules() throws IOException {
    Path repo = TestRepos.copy("django-blackbox", tmp);

    Cli.Result r =
        cli()
            .run(
                "dotenv",
                "--repo",
                repo.toString(),
                "--force",
                "--flavor",
                "python",
                "--out",
                tmp.resolve("py.env").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("python flavor");
    assertThat(readBack(Files.readString(tmp.resolve("py.env")), DotenvFlavor.PYTHON))
        .containsExactlyEntriesOf(expected("django-blackbox", "development"));
  }

  @Test
  void aValueTheFlavorCannotExpressIsAnErrorNamingTheVariableAndWritesNothing() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("dev.env"), "GOOD=1\nTEMPLATE='${HOME}/" + CANARY + "'\n");
    Files.writeString(
        repo.resolve("envshift.yml"),
        "version: 1\nenvironments:\n  development:\n    sources: [{file: dev.env, dialect: compose}]"
            + "\n    dotenv: .env\n");
    List<String> before = TestRepos.files(repo);

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString(), "--force", "--flavor", "python");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).singleElement().asString().startsWith("envshift: TEMPLATE: ");
    assertThat(r.both()).doesNotContain(CANARY);
    assertThat(TestRepos.files(repo)).isEqualTo(before);

    Cli.Result compose = cli().run("dotenv", "--repo", repo.toString(), "--force");
    assertThat(compose.code()).as("compose can write it literally").isZero();
    assertThat(readBack(Files.readString(repo.resolve(".env")), DotenvFlavor.COMPOSE))
        .containsEntry("TEMPLATE", "${HOME}/" + CANARY);
  }

  @Test
  void aManifestWithoutDevelopmentIsBadInputNotUsage() {
    Path repo = TestRepos.copy("flask-symmetric", tmp);

    Cli.Result r = cli().run("dotenv", "--repo", repo.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines())
        .containsExactly(
            "envshift: envshift.yml: no 'development' environment (dotenv writes the development"
                + " .env)");
  }

  @Test
  void anUnknownFlavorIsAUsageError() {
    Cli.Result r =
        cli().run("dotenv", "--repo", Cli.fixture("repos/django-blackbox"), "--flavor", "ruby");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.errLines()).singleElement().asString().contains("--flavor 'ruby'");
  }

  private Cli cli() {
    return new Cli(tmp.resolve("home"));
  }

  private static String gpgDecrypt(byte[] message) {
    Gpg.Result result = gpg.decrypt(message, "");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    return result.stdoutText();
  }

  /** The long key ids gpg reports the message is encrypted to. */
  private static List<String> recipientsOf(byte[] message) {
    return gpg.run(message, "--list-packets")
        .stderr()
        .lines()
        .filter(l -> l.contains("encrypted with"))
        .map(l -> l.replaceAll(".*ID ([0-9A-F]{16}).*", "$1"))
        .toList();
  }

  private static Map<String, String> readBack(String text, DotenvFlavor flavor) {
    return DotenvReader.read(text, flavor, ".env");
  }

  private static Map<String, String> expected(String repo, String env) throws IOException {
    return new ObjectMapper()
        .readValue(
            Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile(),
            new TypeReference<LinkedHashMap<String, String>>() {});
  }

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
