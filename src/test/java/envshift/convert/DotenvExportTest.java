package envshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import envshift.settings.DotenvFlavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dotenv use case: plain only where git ignores it, encrypted to the recipients, 0600. */
class DotenvExportTest {
  private static final Path KEYS = Path.of("fixtures/keys").toAbsolutePath();

  @TempDir Path repo;
  private final List<String> converted = new ArrayList<>();

  @BeforeEach
  void repo() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/dev.env"), "DEBUG=1\nSECRET_KEY=dev-only\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        recipients: [deploy@example.org]
        environments:
          development:
            sources: [configs/dev.env]
            dotenv: .env
        """);
  }

  private DotenvExport export() {
    KeyRing ring = KeyRing.builder().secretKeyFile(KEYS.resolve("deploy-rsa.asc")).build();
    return new DotenvExport(new Workspace(repo, k -> ring),
        l -> converted.add(l.environment().name()));
  }

  private static DotenvExport.Request request(Optional<Path> out, boolean plain, boolean force) {
    return new DotenvExport.Request(out, plain, DotenvFlavor.COMPOSE, force);
  }

  @Test
  void aPlainEnvThatGitWouldCommitIsRefusedUnlessForced() throws IOException {
    assertThatThrownBy(() -> export().write(request(Optional.empty(), false, false)))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("refusing to write plaintext .env: .gitignore does not ignore it"
            + " (add it to .gitignore, or use --force)");
    assertThat(repo.resolve(".env")).doesNotExist();

    DotenvExport.Written written = export().write(request(Optional.empty(), false, true));

    assertThat(written.path()).isEqualTo(".env");
    assertThat(written.encryptedTo()).isEmpty();
    assertThat(Files.readString(repo.resolve(".env")))
        .isEqualTo("DEBUG=\"1\"\nSECRET_KEY=\"dev-only\"\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.resolve(".env"))))
        .isEqualTo("rw-------");
    assertThat(converted).containsExactly("development", "development");
  }

  @Test
  void aGpgTargetIsEncryptedToTheManifestsRecipientsAndNeverWrittenPlain() throws IOException {
    DotenvExport.Written written =
        export().write(request(Optional.of(repo.resolve(".env.gpg")), false, false));

    assertThat(written.path()).isEqualTo(".env.gpg");
    assertThat(written.encryptedTo()).hasValueSatisfying(to -> assertThat(to).hasSize(1));
    byte[] bytes = Files.readAllBytes(repo.resolve(".env.gpg"));
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("dev-only");
    KeyRing deploy = KeyRing.builder().secretKeyFile(KEYS.resolve("deploy-rsa.asc")).build();
    try (DecryptedFile plain = new Decryptor(deploy).decrypt(bytes, ".env.gpg")) {
      assertThat(new String(plain.plaintext(), StandardCharsets.UTF_8))
          .isEqualTo("DEBUG=\"1\"\nSECRET_KEY=\"dev-only\"\n");
    }
    assertThat(repo.resolve(".env")).doesNotExist();
  }
}
