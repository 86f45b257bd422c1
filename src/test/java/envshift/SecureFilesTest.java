package envshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {
  @TempDir Path dir;

  @Test
  void aSecretFileIsOwnerOnlyAndReplacesTheOldOne() throws IOException {
    Path target = dir.resolve("sub/.env");
    SecureFiles.write(target, "A=1\n".getBytes());
    SecureFiles.write(target, "A=2\n".getBytes());

    assertThat(Files.readString(target)).isEqualTo("A=2\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    assertThat(names(target.getParent())).containsExactly(".env");
  }

  @Test
  void withoutReplaceAnExistingFileIsKeptAndNoTempFileIsLeft() throws IOException {
    Path target = dir.resolve("envshift.yml");
    Files.writeString(target, "old");

    assertThatThrownBy(() -> SecureFiles.write(
            target, "new".getBytes(), SecureFiles.Readers.EVERYONE, false))
        .isInstanceOf(FileAlreadyExistsException.class);
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(names(dir)).containsExactly("envshift.yml");
  }

  @Test
  void aSharedFileIsReadableByAll() throws IOException {
    Path target = dir.resolve("envshift.yml");
    SecureFiles.write(target, "x".getBytes(), SecureFiles.Readers.EVERYONE, true);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-r--r--");
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
