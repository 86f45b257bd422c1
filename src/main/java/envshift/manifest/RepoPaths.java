package envshift.manifest;

import envshift.manifest.ManifestFile.Located;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Paths the manifest names must stay inside the repository: relative, no {@code ..}, and (for
 * sources, which must exist) not a symlink out of it. Otherwise a manifest from a pull request
 * could make envshift read, or write a plaintext .env to, any file the user can reach.
 */
final class RepoPaths {
  private final Path root;
  private final String file;

  RepoPaths(Path root, String file) {
    this.root = root;
    this.file = file;
  }

  /** A source: inside the repo and an existing regular file. */
  String source(Located<String> path) {
    String p = inside(path, "source");
    Path resolved = root.resolve(p);
    if (!Files.exists(resolved)) throw error(path, "source " + p + " does not exist");
    if (!Files.isRegularFile(resolved)) throw error(path, "source " + p + " is not a file");
    try {
      if (!resolved.toRealPath().startsWith(root.toRealPath())) {
        throw error(path, "source " + p + " is a link to outside the repository");
      }
    } catch (IOException e) {
      throw new ManifestException(file + ":" + path.line() + ": source " + p
          + " cannot be resolved (" + e.getClass().getSimpleName() + ")", e);
    }
    return p;
  }

  /** A path that must be relative and stay below the repo root; {@code what} names it. */
  String inside(Located<String> path, String what) {
    String p = path.value();
    if (p.isBlank()) throw error(path, what + " path is empty");
    if (p.startsWith("/") || p.startsWith("\\") || p.matches("[A-Za-z]:.*") || isAbsolute(p)) {
      throw error(path,
          what + " " + p + " is absolute: give a path relative to the repository root");
    }
    for (String segment : p.split("[/\\\\]")) {
      if (segment.equals("..")) {
        throw error(path, what + " " + p + " escapes the repository ('..' is not allowed)");
      }
    }
    return p;
  }

  private boolean isAbsolute(String p) {
    try {
      return Path.of(p).isAbsolute();
    } catch (InvalidPathException e) {
      throw new ManifestException(file + ": " + "path is not valid on this system", e);
    }
  }

  private ManifestException error(Located<String> at, String message) {
    return new ManifestException(file + ":" + at.line() + ": " + message);
  }
}
