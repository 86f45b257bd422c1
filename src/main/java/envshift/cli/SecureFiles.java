package envshift.cli;

import envshift.EnvshiftException;
import envshift.repo.RepoScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files that may hold secrets: mode 0600 from the moment they exist, complete or not at all
 * (a sibling temp file renamed over the target), so a failure never leaves a half-written file.
 */
final class SecureFiles {
  private SecureFiles() {}

  static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp =
          Files.createTempFile(
              dir,
              "." + target.getFileName() + ".",
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(content);
      }
      move(tmp, target);
      tmp = null;
    } catch (IOException e) {
      throw new EnvshiftException(
          target + ": cannot write (" + e.getClass().getSimpleName() + ")", e);
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

  /**
   * Refuses a plaintext file inside the repo that git would commit: {@code .gitignore} must ignore
   * it. Outside the repo there is no git to ask.
   */
  static void refuseCommittable(Path repoRoot, Path target) {
    if (!target.startsWith(repoRoot)) return;
    String relative = repoRoot.relativize(target).toString().replace('\\', '/');
    if (!RepoScanner.isIgnored(repoRoot, relative)) {
      throw new EnvshiftException(
          "refusing to write plaintext "
              + relative
              + ": .gitignore does not ignore it"
              + " (add it to .gitignore, or use --force)");
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
