package envshift.repo;

import envshift.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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
    try {
      // a manifest holds no secret; it is committed and shared
      SecureFiles.write(target, manifestText.getBytes(StandardCharsets.UTF_8),
          SecureFiles.Readers.EVERYONE, force);
      return target;
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(); // it appeared since the check above
    } catch (IOException e) {
      throw new RepoException("cannot write " + target, e);
    }
  }

  private static RepoException alreadyExists() {
    return new RepoException(FILE_NAME + " already exists; use --force to overwrite");
  }
}
