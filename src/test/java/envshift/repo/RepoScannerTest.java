package envshift.repo;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.settings.SettingsFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoScannerTest {
  @TempDir Path root;

  @Test
  void keyringsLiveRepoIsScannedWithItsBlackboxRegistrations() throws IOException {
    new TestRepo(root)
        .text(
            "keyrings/live/blackbox-files.txt",
            "configs/bga-payroll.conf.staging.nginx\n"
                + "configs/local_settings.production.py\n"
                + "configs/local_settings.staging.py\n"
                + "configs/sentry.ini\n"
                + "scripts/after_install.sh\n")
        .text("keyrings/live/blackbox-admins.txt", "bga-payroll-prod@example.org\n")
        .bytes("keyrings/live/pubring.gpg", new byte[] {(byte) 0x99, 1, 13, 4})
        .text(".gitignore", "/configs/local_settings.staging.py\n/keyrings/live/pubring.gpg~\n")
        .text("configs/local_settings.staging.py", "SECRET_KEY = 'plaintext twin'\n")
        .encrypted("configs/local_settings.staging.py.gpg")
        .encrypted("configs/local_settings.production.py.gpg")
        .encrypted("configs/bga-payroll.conf.staging.nginx.gpg")
        .encrypted("scripts/after_install.sh.gpg")
        .text("bga_database/local_settings.py.example", "SECRET_KEY = 'changeme'\n")
        .text("bga_database/views.py", "def index(): pass\n")
        .text("README.md", "# payroll\n");

    RepoScan scan = RepoScanner.scan(root);

    assertThat(lines(scan))
        .containsExactly(
            "bga_database/local_settings.py.example SETTINGS PYTHON plain env=development",
            "configs/bga-payroll.conf.staging.nginx.gpg INFRA NOT_SETTINGS encrypted env=staging "
                + "blackbox",
            "configs/local_settings.production.py.gpg SETTINGS PYTHON encrypted env=production "
                + "blackbox",
            "configs/local_settings.staging.py.gpg SETTINGS PYTHON encrypted env=staging blackbox",
            "scripts/after_install.sh.gpg INFRA NOT_SETTINGS encrypted env=- blackbox");
    assertThat(scan.problems())
        .containsExactly(
            "configs/sentry.ini: listed in keyrings/live/blackbox-files.txt but "
                + "configs/sentry.ini.gpg is missing");
    assertThat(scan.blackbox())
        .hasValueSatisfying(
            layout -> assertThat(layout.admins()).containsExactly("bga-payroll-prod@example.org"));
    assertThat(scan.root()).isEqualTo(root.toRealPath());
  }

  @Test
  void dotBlackboxRepoWithKbxPubringIsScanned() throws IOException {
    new TestRepo(root)
        .text(".blackbox/blackbox-files.txt", "configs/.env.staging\r\nconfigs/.env.production\r\n")
        .bytes(".blackbox/pubring.kbx", new byte[] {0, 0, 0, 32, 1, 1})
        .encrypted(".blackbox/stray.gpg")
        .encrypted("configs/.env.staging.gpg")
        .encrypted("configs/.env.production.gpg");

    RepoScan scan = RepoScanner.scan(root);

    assertThat(lines(scan))
        .containsExactly(
            "configs/.env.production.gpg SETTINGS DOTENV encrypted env=production blackbox",
            "configs/.env.staging.gpg SETTINGS DOTENV encrypted env=staging blackbox");
    assertThat(scan.blackbox().orElseThrow().pubring())
        .contains(root.toRealPath().resolve(".blackbox/pubring.kbx"));
    assertThat(scan.problems()).isEmpty();
  }

  @Test
  void openPgpDataIsFoundByContentWhateverItsName() {
    new TestRepo(root)
        .bytes("configs/.env.production", TestRepo.SKESK_MESSAGE)
        .encrypted("deploy/vault")
        .text("configs/app_config.py.asc", TestRepo.ARMORED_MESSAGE);

    assertThat(lines(RepoScanner.scan(root)))
        .containsExactly(
            "configs/.env.production SETTINGS DOTENV encrypted env=production",
            "configs/app_config.py.asc SETTINGS PYTHON armored env=-",
            "deploy/vault UNKNOWN UNKNOWN encrypted env=-");
  }

  @Test
  void gitCryptFileIsUnknownWithAProblem() {
    byte[] gitCrypt = "\0GITCRYPT\0nonce-nonce-ciphertext".getBytes();
    new TestRepo(root)
        .text(".gitattributes", "configs/secrets.env filter=git-crypt diff=git-crypt\n")
        .bytes("configs/secrets.env", gitCrypt)
        .encrypted(".git-crypt/keys/default/0/ABCDEF0123456789.gpg");

    RepoScan scan = RepoScanner.scan(root);

    assertThat(lines(scan)).containsExactly("configs/secrets.env UNKNOWN UNKNOWN plain env=-");
    assertThat(scan.problems())
        .containsExactly(
            "configs/secrets.env: encrypted with git-crypt, not OpenPGP; envshift cannot read it");
  }

  @Test
  void gpgNamedFileThatIsNotAMessageIsReported() {
    new TestRepo(root)
        .text("configs/settings.py.gpg", "SECRET_KEY = 'oops, never encrypted'\n")
        .bytes("keys/deploy.gpg", TestRepo.publicKeyPacket());

    RepoScan scan = RepoScanner.scan(root);

    assertThat(lines(scan))
        .containsExactly(
            "configs/settings.py.gpg UNKNOWN UNKNOWN plain env=-",
            "keys/deploy.gpg UNKNOWN UNKNOWN plain env=-");
    assertThat(scan.problems())
        .containsExactly(
            "configs/settings.py.gpg: named like an encrypted file but is not an OpenPGP message",
            "keys/deploy.gpg: named like an encrypted file but is not an OpenPGP message"
                + " (a key or a signature?)");
  }

  @Test
  void gitIgnoredFilesAreSkippedIncludingNestedRulesAndNegation() {
    new TestRepo(root)
        .text(".gitignore", "/.env\n/.env.*\n!/.env.example\nvenv/\n*.production\n")
        .text(".env", "DEBUG=True\n")
        .text(".env.local", "DEBUG=True\n")
        .text(".env.example", "DEBUG=True\n")
        .encrypted("venv/lib/site.gpg")
        .text("configs/.gitignore", "/.env.staging\n/heroku-prod/.env\n!.env.production\n")
        .text("configs/.env.staging", "SECRET=plaintext twin\n")
        .encrypted("configs/.env.staging.gpg")
        .encrypted("configs/.env.production")
        .text("configs/heroku-prod/.env", "SECRET=plaintext twin\n")
        .encrypted("configs/heroku-prod/.env.gpg")
        .text("configs/sub/.gitignore", "*.gpg\n")
        .encrypted("configs/sub/hidden.py.gpg");

    assertThat(lines(RepoScanner.scan(root)))
        .containsExactly(
            ".env.example SETTINGS DOTENV plain env=development",
            "configs/.env.production SETTINGS DOTENV encrypted env=production",
            "configs/.env.staging.gpg SETTINGS DOTENV encrypted env=staging",
            "configs/heroku-prod/.env.gpg SETTINGS DOTENV encrypted env=heroku-prod");
  }

  @Test
  void aPlaintextTwinThatIsNotIgnoredIsReportedAndLeftOut() {
    new TestRepo(root)
        .text("configs/local_settings.staging.py", "SECRET_KEY = 'x'\n")
        .encrypted("configs/local_settings.staging.py.gpg");

    RepoScan scan = RepoScanner.scan(root);

    assertThat(lines(scan))
        .containsExactly(
            "configs/local_settings.staging.py.gpg SETTINGS PYTHON encrypted env=staging");
    assertThat(scan.problems())
        .containsExactly(
            "configs/local_settings.staging.py: plaintext of configs/local_settings.staging.py.gpg"
                + " is present and not git-ignored");
  }

  @Test
  void registeredFileHiddenByGitignoreIsStillRead() {
    new TestRepo(root)
        .text("keyrings/live/blackbox-files.txt", "configs/settings_local_sahel.py\n")
        .text(".gitignore", "*.gpg\n")
        .encrypted("configs/settings_local_sahel.py.gpg");

    assertThat(lines(RepoScanner.scan(root)))
        .containsExactly(
            "configs/settings_local_sahel.py.gpg SETTINGS PYTHON encrypted env=sahel blackbox");
  }

  @Test
  void vcsDependencyAndBuildDirectoriesAreSkipped() {
    new TestRepo(root)
        .encrypted(".git/objects/ab/cdef.gpg")
        .encrypted("node_modules/pkg/test/fixture.env.gpg")
        .encrypted("app/node_modules/x.gpg")
        .encrypted("target/classes/x.py.gpg")
        .encrypted("configs/app_config.py.gpg");

    assertThat(lines(RepoScanner.scan(root)))
        .containsExactly("configs/app_config.py.gpg SETTINGS PYTHON encrypted env=-");
  }

  @Test
  void symlinksAreNotFollowed() throws IOException {
    Path repo = root.resolve("repo");
    Path outside = root.resolve("outside");
    new TestRepo(outside)
        .encrypted("secrets/local_settings.staging.py.gpg")
        .text("plain/.env.production", "SECRET=x\n");
    new TestRepo(repo).encrypted("configs/local_settings.production.py.gpg");
    Files.createSymbolicLink(repo.resolve("linked-dir"), outside.resolve("secrets"));
    Files.createSymbolicLink(
        repo.resolve("configs/local_settings.staging.py.gpg"),
        outside.resolve("secrets/local_settings.staging.py.gpg"));
    Files.createSymbolicLink(
        repo.resolve("configs/.env.production"), outside.resolve("plain/.env.production"));

    assertThat(lines(RepoScanner.scan(repo)))
        .containsExactly(
            "configs/local_settings.production.py.gpg SETTINGS PYTHON encrypted env=production");
  }

  @Test
  void registeredPathsOutsideTheRepoOrThroughSymlinksAreNotRead() throws IOException {
    Path repo = root.resolve("repo");
    new TestRepo(root).encrypted("outside/x.py.gpg");
    new TestRepo(repo)
        .text(".blackbox/blackbox-files.txt", "../outside/x.py\nlinked/x.py\nconfigs/link.py\n")
        .text("configs/README", "settings live here\n");
    Files.createSymbolicLink(repo.resolve("linked"), root.resolve("outside"));
    Files.createSymbolicLink(repo.resolve("configs/link.py.gpg"), root.resolve("outside/x.py.gpg"));

    RepoScan scan = RepoScanner.scan(repo);

    assertThat(scan.files()).isEmpty();
    assertThat(scan.problems())
        .containsExactly(
            "../outside/x.py: listed in .blackbox/blackbox-files.txt but it is outside the repo"
                + " or a symlink",
            "configs/link.py: listed in .blackbox/blackbox-files.txt but it is outside the repo"
                + " or a symlink",
            "linked/x.py: listed in .blackbox/blackbox-files.txt but it is outside the repo or a"
                + " symlink");
  }

  @Test
  void scanningWritesNothing() throws IOException {
    new TestRepo(root)
        .text(".blackbox/blackbox-files.txt", "configs/.env.staging\nconfigs/missing.py\n")
        .encrypted("configs/.env.staging.gpg")
        .text("configs/.gitignore", "*.pyc\n");
    Map<String, String> before = snapshot(root);

    RepoScanner.scan(root);

    assertThat(snapshot(root)).isEqualTo(before);
  }

  @Test
  void aMissingRootIsOneClearError() {
    Path missing = root.resolve("no-such-repo");
    assertThatThrownBy(() -> RepoScanner.scan(missing))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("not a directory: " + missing)
        .extracting(e -> ((EnvshiftException) e).exitCode())
        .isEqualTo(EnvshiftException.ERROR);
  }

  @Test
  void formatOfAFileFollowsItsNameAndKindItsFormat() {
    new TestRepo(root).encrypted("configs/lametro_service_acct_key.json.gpg");

    RepoFile file = RepoScanner.scan(root).files().get(0);

    assertThat(file.format()).isEqualTo(SettingsFormat.JSON);
    assertThat(file.kind()).isEqualTo(FileKind.SETTINGS);
    assertThat(file.environment()).isEmpty();
  }

  static List<String> lines(RepoScan scan) {
    return scan.files().stream().map(RepoScannerTest::line).toList();
  }

  private static String line(RepoFile f) {
    String content = f.armored() ? "armored" : f.encrypted() ? "encrypted" : "plain";
    return f.path()
        + " "
        + f.kind()
        + " "
        + f.format()
        + " "
        + content
        + " env="
        + f.environment().orElse("-")
        + (f.inBlackbox() ? " blackbox" : "");
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.toList()) {
        String content =
            Files.isRegularFile(p) ? new String(Files.readAllBytes(p), ISO_8859_1) : "dir";
        files.put(dir.relativize(p) + "@" + Files.getLastModifiedTime(p), content);
      }
    }
    return files;
  }
}
