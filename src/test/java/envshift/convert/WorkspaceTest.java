package envshift.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.manifest.Environment;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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

  @Test
  void theKeyRingIsBuiltOnceWhenThreadsAskAtTheSameTime() throws Exception {
    AtomicInteger built = new AtomicInteger();
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Workspace workspace = new Workspace(plainRepo(new AtomicInteger()).root(), k -> {
      built.incrementAndGet();
      building.countDown();
      await(release);
      return KeyRing.builder().build();
    });
    List<KeyRing> got = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread first = new Thread(() -> got.add(workspace.keyRing()));
    Thread second = new Thread(() -> got.add(workspace.keyRing()));

    first.start();
    building.await(); // the first is building it
    second.start();
    // the second waits for the first (blocked), or, were it not guarded, builds again (waiting)
    while (second.getState() != Thread.State.BLOCKED && second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    first.join();
    second.join();

    assertThat(built).hasValue(1);
    assertThat(got).hasSize(2).allSatisfy(ring -> assertThat(ring).isSameAs(got.get(0)));
  }

  @Test
  void aKeyRingThatCouldNotBeBuiltFailsAgainWithoutBeingBuiltAgain() throws IOException {
    AtomicInteger built = new AtomicInteger();
    Workspace workspace = new Workspace(plainRepo(new AtomicInteger()).root(), k -> {
      built.incrementAndGet();
      throw new EnvshiftException("keys/dev.asc: holds no secret keys");
    });

    assertThatThrownBy(workspace::keyRing).hasMessage("keys/dev.asc: holds no secret keys");
    assertThatThrownBy(workspace::keyRing).hasMessage("keys/dev.asc: holds no secret keys");
    assertThat(built).hasValue(1);
  }

  @Test
  void aKeyRingFailureSurfacesAtTheFirstEncryptedSourceWithTheSameMessageWithReadAhead()
      throws IOException {
    Path keys = Path.of("fixtures/keys").toAbsolutePath();
    KeyRing publicKeys = KeyRing.builder().publicKeyFile(keys.resolve("deploy-rsa.pub.asc")).build();
    Files.createDirectories(repo.resolve("configs"));
    StringBuilder manifest = new StringBuilder("version: 1\nenvironments:\n");
    for (int i = 0; i < 6; i++) {
      Files.writeString(repo.resolve("configs/plain" + i + ".env"), "P" + i + "=1\n");
      Files.write(repo.resolve("configs/secret" + i + ".env.gpg"), Encryptor.encrypt(
          ("S" + i + "=1\n").getBytes(StandardCharsets.UTF_8),
          Recipients.resolve(List.of("deploy@example.org"), publicKeys), publicKeys, false, "x"));
      manifest.append("  e").append(i).append(":\n    sources: [configs/plain").append(i)
          .append(".env").append(i == 0 ? "" : ", configs/secret" + i + ".env.gpg")
          .append("]\n");
    }
    Files.writeString(repo.resolve("envshift.yml"), manifest);

    List<String> outcomes = new ArrayList<>();
    for (boolean readAhead : List.of(false, true)) {
      AtomicInteger built = new AtomicInteger();
      Function<Optional<Path>, KeyRing> failing = k -> {
        built.incrementAndGet();
        return KeyRing.builder().secretKeyFile(keys.resolve("deploy-rsa.pub.asc")).build();
      };
      Workspace workspace = new Workspace(repo, failing, () -> { }, readAhead);
      List<Environment> all = workspace.manifest().environments();
      List<String> loaded = new ArrayList<>();
      try (ReadAhead ahead = workspace.loader().readAhead(all, 2)) {
        for (Environment env : all) {
          workspace.loader().load(env);
          loaded.add(env.name());
        }
      } catch (EnvshiftException e) {
        loaded.add(e.getMessage());
      }
      outcomes.add(String.join(", ", loaded));
      assertThat(built).hasValue(1);
    }

    assertThat(outcomes.get(0)).isEqualTo("e0, " + keys.resolve("deploy-rsa.pub.asc")
        + ": holds no secret keys (is it a public key export?)");
    assertThat(outcomes.get(1)).isEqualTo(outcomes.get(0));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
