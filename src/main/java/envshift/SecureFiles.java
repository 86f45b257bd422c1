package envshift;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way envshift writes files: complete or not at all (a sibling temp file, mode 0600 from
 * the moment it exists, renamed over the target), so a failure never leaves a half-written file
 * and a secret is never readable by others, not even while it is written. And the one way it reads
 * a whole file with a one-line error.
 */
public final class SecureFiles {
  private SecureFiles() {}

  /** Who may read the file once it is in place. */
  public enum Readers {
    /** 0600: plaintext, backups, anything that holds or protects a secret. */
    OWNER,
    /** 0644, set on the temp file before the rename: a manifest, which is committed and shared. */
    EVERYONE,
    /** The mode of the file replaced (0644 when there was none): an edited manifest. */
    UNCHANGED
  }

  /**
   * The whole file; {@code shown} is how the error names it.
   *
   * @throws EnvshiftException {@code SHOWN: no such file} or
   *     {@code SHOWN: cannot read (IOException)}
   */
  public static byte[] read(Path file, String shown) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new EnvshiftException(shown + ": no such file", e);
    } catch (IOException e) {
      throw new EnvshiftException(
          shown + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Writes a file readable by its owner only, replacing what is there.
   *
   * @throws EnvshiftException {@code TARGET: cannot write (IOException)}
   */
  public static void write(Path target, byte[] content) {
    try {
      write(target, content, Readers.OWNER, true);
    } catch (IOException e) {
      throw new EnvshiftException(
          target + ": cannot write (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Writes a file through a 0600 temp sibling. Without {@code replace}, an existing target is left
   * alone and {@link FileAlreadyExistsException} thrown; the temp file is removed on any failure.
   */
  public static void write(Path target, byte[] content, Readers readers, boolean replace)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            dir,
            "." + target.getFileName() + ".",
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(content);
      }
      if (readers != Readers.OWNER) {
        Files.setPosixFilePermissions(tmp, modeFor(readers, target));
      }
      move(tmp, target, replace);
      tmp = null;
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  private static Set<PosixFilePermission> modeFor(Readers readers, Path target)
      throws IOException {
    if (readers == Readers.UNCHANGED && Files.exists(target)) {
      return Files.getPosixFilePermissions(target);
    }
    return PosixFilePermissions.fromString("rw-r--r--");
  }

  private static void move(Path tmp, Path target, boolean replace) throws IOException {
    if (!replace) {
      Files.move(tmp, target); // fails if the target exists, even one that appeared just now
      return;
    }
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      Files.deleteIfExists(tmp);
    } catch (IOException ignored) {
      // the write already failed and says so; the temp file was created 0600 anyway
    }
  }
}
