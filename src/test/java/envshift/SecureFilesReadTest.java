package envshift;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 9: a file of 2 GiB or more ended in an OutOfMemoryError trace. Files over
 * 64 MiB are refused in one line naming the file, before a byte is read.
 */
class SecureFilesReadTest {
  @TempDir Path dir;

  @Test
  void aHugeFileIsRefusedInOneLineBeforeItIsRead() throws IOException {
    Path huge = dir.resolve("settings.py.gpg");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(3L << 30); // sparse: 3 GiB that take no disk
    }

    assertThatThrownBy(() -> SecureFiles.read(huge, "configs/settings.py.gpg"))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("configs/settings.py.gpg: 3221225472 bytes, over envshift's limit of "
            + "67108864 bytes (64 MiB) for a file it reads");
  }

  @Test
  void aMissingFileSaysSo() {
    assertThatThrownBy(() -> SecureFiles.read(dir.resolve("gone.env"), "gone.env"))
        .hasMessage("gone.env: no such file");
  }
}
