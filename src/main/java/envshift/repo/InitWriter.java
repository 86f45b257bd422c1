package envshift.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes {@code envshift.yml} at a repo root all at once: a temp file in the same directory, then a
 * rename, so a reader never sees half a manifest and a failed write leaves the old one in place.
 */
public final class InitWriter {
  static final String FILE_NAME = "envshift.yml";

  private InitWriter() {}

  /**
   * Writes the manifest and returns its path.
   *
   * @throws RepoException (exit 1) when it exists and {@code force} is false, or on I/O failure
   */
  public static Path write(Path repoRoot, String manifestText, boolean force) {
    Path target = repoRoot.resolve(FILE_NAME);
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw alreadyExists();
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(repoRoot, "." + FILE_NAME + ".", ".tmp");
      Files.write(temp, manifestText.getBytes(StandardCharsets.UTF_8));
      readableByAll(temp); // a manifest holds no secret; it is committed and shared
      move(temp, target, force);
      temp = null;
      return target;
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists();
    } catch (IOException e) {
      throw new RepoException("cannot write " + target, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void move(Path temp, Path target, boolean force) throws IOException {
    if (!force) {
      Files.move(temp, target); // fails if the file appeared since the check above
      return;
    }
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static RepoException alreadyExists() {
    return new RepoException(FILE_NAME + " already exists; use --force to overwrite");
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // the write already failed and says so; a leftover .tmp file is the lesser problem
    }
  }
}
