package envshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.pgp.KeyRing;
import envshift.settings.DotenvFlavor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, findings 2 and 3: a dotenv target named by the manifest (or --out) never destroys a
 * file the repo needs and never leads out of the repository through a link.
 */
class DotenvTargetTest {
  @TempDir Path tmp;

  private Path repo(String dotenv) throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/dev.env"), "DEBUG=1\n");
    Files.writeString(repo.resolve("configs/production.env.gpg"), "not really encrypted\n");
    Files.writeString(repo.resolve(".gitignore"), ".env\nout/\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          development:
            sources: [configs/dev.env]
            dotenv: %s
          production:
            sources: [configs/production.env.gpg]
        """.formatted(dotenv));
    return repo;
  }

  private static DotenvExport export(Path repo) {
    return new DotenvExport(new Workspace(repo, k -> KeyRing.builder().build()), l -> { });
  }

  private static DotenvExport.Request plain() {
    return new DotenvExport.Request(Optional.empty(), true, DotenvFlavor.COMPOSE, false);
  }

  @Test
  void anotherEnvironmentsEncryptedSourceIsNeverOverwritten() throws IOException {
    Path repo = repo("configs/production.env.gpg");
    byte[] before = Files.readAllBytes(repo.resolve("configs/production.env.gpg"));

    assertThatThrownBy(() -> export(repo).write(
        new DotenvExport.Request(Optional.empty(), false, DotenvFlavor.COMPOSE, true)))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("refusing to write configs/production.env.gpg: it is a source of environment"
            + " production (writing it would destroy its values); choose another dotenv path");
    assertThat(Files.readAllBytes(repo.resolve("configs/production.env.gpg"))).isEqualTo(before);
  }

  @Test
  void theManifestIsNeverAWriteTarget() throws IOException {
    Path repo = repo("envshift.yml");

    assertThatThrownBy(() -> export(repo).write(
        new DotenvExport.Request(Optional.empty(), true, DotenvFlavor.COMPOSE, true)))
        .hasMessage("refusing to write envshift.yml: it is the manifest");
  }

  @Test
  void aFolderLinkedOutOfTheRepoIsRefusedAndNothingIsWrittenThere() throws IOException {
    Path repo = repo("out/.env");
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.createSymbolicLink(repo.resolve("out"), elsewhere);

    assertThatThrownBy(() -> export(repo).write(plain()))
        .hasMessage("refusing to write out/.env: it leads out of the repository through a "
            + "symbolic link");
    try (var files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aTargetThatIsItselfALinkIsRefused() throws IOException {
    Path repo = repo(".env");
    Files.createSymbolicLink(repo.resolve(".env"), tmp.resolve("stolen"));

    assertThatThrownBy(() -> export(repo).write(plain()))
        .hasMessage("refusing to write .env: it is a symbolic link");
    assertThat(tmp.resolve("stolen")).doesNotExist();
  }

  @Test
  void theDevelopmentEnvInsideTheRepoIsStillWritten() throws IOException {
    Path repo = repo(".env");

    DotenvExport.Written written = export(repo).write(plain());

    assertThat(written.path()).isEqualTo(".env");
    assertThat(Files.readString(repo.resolve(".env"))).isEqualTo("DEBUG=\"1\"\n");
  }
}
