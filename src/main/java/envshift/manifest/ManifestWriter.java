package envshift.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces envshift.yml with an edited text: complete or not at all (a sibling temp file renamed
 * over it), with the file's permissions kept, and only if nobody changed it since it was read.
 */
public final class ManifestWriter {
  private ManifestWriter() {}

  /** The manifest text at {@code repoRoot}, as the editors expect it. */
  public static String read(Path repoRoot) {
    try {
      return Files.readString(repoRoot.resolve(ManifestLoader.FILE_NAME), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ManifestException(ManifestLoader.FILE_NAME + ": cannot read ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * Writes {@code after} over the manifest if it still holds {@code before}; returns false when
   * the two are equal (nothing to write).
   */
  public static boolean replace(Path repoRoot, String before, String after) {
    if (before.equals(after)) return false;
    Path file = repoRoot.resolve(ManifestLoader.FILE_NAME);
    if (!read(repoRoot).equals(before)) {
      throw new ManifestException(ManifestLoader.FILE_NAME + ": changed while envshift was "
          + "running; not updated");
    }
    Path tmp = null;
    try {
      Optional<Set<PosixFilePermission>> mode = permissions(file);
      tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".",
          ".tmp");
      Files.writeString(tmp, after, StandardCharsets.UTF_8);
      if (mode.isPresent()) Files.setPosixFilePermissions(tmp, mode.get());
      move(tmp, file);
      tmp = null;
      return true;
    } catch (IOException e) {
      throw new ManifestException(ManifestLoader.FILE_NAME + ": cannot write ("
          + e.getClass().getSimpleName() + ")", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temp file holds the manifest, which names files, never values
        }
      }
    }
  }

  /** The file's POSIX permissions; none where the file system has none (Windows). */
  private static Optional<Set<PosixFilePermission>> permissions(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return Optional.empty();
    }
    return Optional.of(Files.getPosixFilePermissions(file));
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
