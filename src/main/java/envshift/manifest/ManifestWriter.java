package envshift.manifest;

import envshift.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
    try {
      SecureFiles.write(file, after.getBytes(StandardCharsets.UTF_8),
          SecureFiles.Readers.UNCHANGED, true);
      return true;
    } catch (IOException e) {
      throw new ManifestException(ManifestLoader.FILE_NAME + ": cannot write ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }
}
