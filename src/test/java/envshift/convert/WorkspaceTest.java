package envshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path repo;

  private Workspace plainRepo(AtomicInteger keyRingsBuilt) throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/staging.env"), "API_HOST=api.example.org\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          staging:
            sources: [configs/staging.env]
            heroku: {app: payroll-staging}
        """);
    return new Workspace(repo, (Optional<Path> repoKeyring) -> {
      keyRingsBuilt.incrementAndGet();
      return KeyRing.builder().build();
    });
  }

  @Test
  void aRepoOfPlaintextSourcesConvertsWithoutEverBuildingTheKeyRing() throws IOException {
    AtomicInteger built = new AtomicInteger();
    Workspace workspace = plainRepo(built);

    var loaded = workspace.loader().load(workspace.manifest().select(List.of(), true).get(0));

    assertThat(loaded.vars().values()).containsEntry("API_HOST", Secret.of("api.example.org"));
    assertThat(built).as("no prompt for a passphrase nobody needs").hasValue(0);
  }

  @Test
  void theKeyRingIsBuiltOnceWhenAsked() throws IOException {
    AtomicInteger built = new AtomicInteger();
    Workspace workspace = plainRepo(built);

    workspace.keyRing();
    workspace.keyRing();

    assertThat(built).hasValue(1);
  }

  @Test
  void aMissingEnvironmentSaysWhyItWasNeeded() throws IOException {
    Workspace workspace = plainRepo(new AtomicInteger());

    assertThatThrownBy(() -> workspace.environment("development", "dotenv writes it"))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("envshift.yml: no 'development' environment (dotenv writes it)");
  }

  @Test
  void pathsInsideTheRepoAreShownRelativeToIt() throws IOException {
    Workspace workspace = plainRepo(new AtomicInteger());

    assertThat(workspace.shown(repo.resolve("configs/staging.env")))
        .isEqualTo("configs/staging.env");
    assertThat(workspace.shown(Path.of("/elsewhere/x.env"))).isEqualTo("/elsewhere/x.env");
  }
}
