package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitWriterTest {
  private static final String MANIFEST = "version: 1\nenvironments: {}\n";

  @TempDir Path root;

  @Test
  void writesEnvshiftYmlAtTheRootReadableByAll() throws IOException {
    Path written = InitWriter.write(root, MANIFEST, false);

    assertThat(written).isEqualTo(root.resolve("envshift.yml"));
    assertThat(written).hasContent(MANIFEST);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-r--r--");
    assertThat(names()).containsExactly("envshift.yml");
  }

  @Test
  void anExistingManifestIsKeptWithoutForce() throws IOException {
    Files.writeString(root.resolve("envshift.yml"), "reviewed: true\n");

    assertThatThrownBy(() -> InitWriter.write(root, MANIFEST, false))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("envshift.yml already exists; use --force to overwrite")
        .extracting(e -> ((EnvshiftException) e).exitCode())
        .isEqualTo(EnvshiftException.ERROR);
    assertThat(root.resolve("envshift.yml")).hasContent("reviewed: true\n");
    assertThat(names()).containsExactly("envshift.yml");
  }

  @Test
  void aDanglingSymlinkNamedEnvshiftYmlIsAlsoRefused() throws IOException {
    Files.createSymbolicLink(root.resolve("envshift.yml"), root.resolve("nowhere.yml"));

    assertThatThrownBy(() -> InitWriter.write(root, MANIFEST, false))
        .hasMessage("envshift.yml already exists; use --force to overwrite");
    assertThat(root.resolve("nowhere.yml")).doesNotExist();
  }

  @Test
  void forceReplacesTheManifest() throws IOException {
    Files.writeString(root.resolve("envshift.yml"), "reviewed: true\n");

    InitWriter.write(root, MANIFEST, true);

    assertThat(root.resolve("envshift.yml")).hasContent(MANIFEST);
    assertThat(names()).containsExactly("envshift.yml");
  }

  @Test
  void forceRenamesANewFileIntoPlaceInsteadOfRewritingTheOldOne() throws IOException {
    Path manifest = root.resolve("envshift.yml");
    Files.writeString(manifest, "reviewed: true\n");
    Path otherName = Files.createLink(root.resolve("hard-link.yml"), manifest);

    InitWriter.write(root, MANIFEST, true);

    // Written in place, the old inode (and so the hard link) would hold the new text.
    assertThat(otherName).hasContent("reviewed: true\n");
    assertThat(manifest).hasContent(MANIFEST);
  }

  @Test
  void aFailedWriteLeavesNoTempFileBehind() throws IOException {
    Files.createDirectories(root.resolve("envshift.yml/not-empty"));

    assertThatThrownBy(() -> InitWriter.write(root, MANIFEST, true))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("cannot write " + root.resolve("envshift.yml"));
    assertThat(names()).containsExactly("envshift.yml");
    assertThat(root.resolve("envshift.yml/not-empty")).isDirectory();
  }

  private List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
