package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 12: the YAML parser is quadratic in a long comment (16 MB took 108 s); a
 * manifest over 1 MiB is refused before parsing, in one line.
 */
class ManifestSizeTest {
  @TempDir Path repo;

  @Test
  void aManifestOverOneMebibyteIsRefusedBeforeParsing() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"),
        "# " + "x".repeat(16 << 20) + "\nversion: 1\nenvironments: {}\n");

    assertThatThrownBy(() -> ManifestLoader.load(repo))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("envshift.yml: 16777247 bytes, over envshift's limit of 1048576")
        .hasMessageNotContaining("xxx");
  }

  @Test
  void aManifestJustUnderTheLimitWithALongCommentStillLoads() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/a.env"), "A=1\n");
    String body = "version: 1\nenvironments:\n  staging:\n    sources: [configs/a.env]\n";
    Files.writeString(repo.resolve("envshift.yml"),
        "# " + "x".repeat((1 << 20) - body.length() - 3) + "\n" + body);

    assertThat(ManifestLoader.load(repo).environments()).hasSize(1);
  }
}
