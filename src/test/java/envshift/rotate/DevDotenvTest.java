package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import envshift.pgp.KeyRing;
import envshift.settings.DotenvFlavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevDotenvTest {
  private static final KeyRing NO_KEYS = KeyRing.builder().build();

  @TempDir Path repo;

  @Test
  void aPlaintextEnvGitWouldCommitIsRefusedBeforeAnythingIsWritten() throws IOException {
    Files.writeString(repo.resolve(".env"), "API_TOKEN=\"dev-token\"\n");

    assertThatThrownBy(() -> DevDotenv.read(repo, ".env", DotenvFlavor.COMPOSE, NO_KEYS))
        .isInstanceOf(RotationException.class)
        .hasMessageContaining(".gitignore does not ignore it")
        .hasMessageNotContaining("dev-token");
  }

  @Test
  void anIgnoredPlaintextEnvGetsTheNewValueAndKeepsTheOthersInOrder() throws IOException {
    Files.writeString(repo.resolve(".gitignore"), ".env\n");
    Files.writeString(repo.resolve(".env"),
        "DEBUG=\"True\"\nAPI_TOKEN=\"dev-token\"\nGREETING='say \"hi\"'\n");

    DevDotenv dev = DevDotenv.read(repo, ".env", DotenvFlavor.COMPOSE, NO_KEYS);
    byte[] updated = dev.updated(Map.of("API_TOKEN", Secret.of("fresh")), NO_KEYS);

    assertThat(dev.holding(List.of("SECRET_KEY", "API_TOKEN"))).containsExactly("API_TOKEN");
    assertThat(new String(updated, StandardCharsets.UTF_8))
        .isEqualTo("DEBUG=\"True\"\nAPI_TOKEN=\"fresh\"\nGREETING='say \"hi\"'\n");
    assertThat(dev.toString()).doesNotContain("dev-token");
  }

  @Test
  void aMissingEnvHoldsNothing() {
    DevDotenv dev = DevDotenv.read(repo, "configs/.env.gpg", DotenvFlavor.COMPOSE, NO_KEYS);

    assertThat(dev.exists()).isFalse();
    assertThat(dev.holding(List.of("API_TOKEN"))).isEmpty();
  }
}
