package envshift.access;

import envshift.EnvshiftException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and replaces the files rekey rewrites: a sibling temp file, mode 0600 from the moment it
 * exists, renamed over the target, so a failure never leaves a half-written file.
 */
final class SafeFiles {
  private SafeFiles() {}

  static byte[] read(Path path, String shown) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new EnvshiftException(
          shown + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(content);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new EnvshiftException(target + ": cannot write (" + e.getClass().getSimpleName() + ")",
          e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temp file was created 0600 anyway
        }
      }
    }
  }

  /** Replaces a text file that holds no secret (envshift.yml), keeping its mode. */
  static void replaceText(Path target, String text) {
    try {
      Files.writeString(target, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EnvshiftException(target.getFileName() + ": cannot write ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }
}
