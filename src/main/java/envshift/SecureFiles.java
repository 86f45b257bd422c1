package envshift;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one way envshift writes files: complete or not at all (a sibling temp file, mode 0600 from
 * the moment it exists, renamed over the target), so a failure never leaves a half-written file
 * and a secret is never readable by others, not even while it is written. And the one way it reads
 * a whole file with a one-line error.
 */
public final class SecureFiles {
  /**
   * The largest file read whole: settings, keys and backups are kilobytes, and the plaintext of
   * a message is capped at the same size when it is decrypted.
   */
  public static final long MAX_READ_BYTES = 64L << 20;

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
   * @throws EnvshiftException {@code SHOWN: no such file}, {@code SHOWN: cannot read (IOException)}
   *     or, over {@link #MAX_READ_BYTES}, {@code SHOWN: N bytes, over envshift's limit ...}
   */
  public static byte[] read(Path file, String shown) {
    try {
      long size = Files.size(file);
      if (size > MAX_READ_BYTES) {
        throw new EnvshiftException(shown + ": " + size + " bytes, over envshift's limit of "
            + MAX_READ_BYTES + " bytes (64 MiB) for a file it reads");
      }
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
   * Writes a file through a 0600 temp file renamed over it. Without {@code replace}, an existing
   * target is left alone and {@link FileAlreadyExistsException} thrown; the temp file is removed
   * on any failure. A kill between the two steps cannot leave plaintext that git would commit: in
   * a git work tree the temp file lives in the git directory (see {@link #tempDirFor}).
   */
  public static void write(Path target, byte[] content, Readers readers, boolean replace)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp =
        Files.createTempFile(
            tempDirFor(target),
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

  /**
   * Where the temp file of {@code target} is made: {@code <git dir>/envshift-tmp} (mode 0700) when
   * the target is in a git work tree on the same file system, since git never shows or commits
   * what is there; leftovers of a killed run older than a minute are removed first. Elsewhere
   * (outside any work tree) beside the target, where the user chose to put plaintext anyway.
   */
  static Path tempDirFor(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Optional<Path> gitDir = gitDir(dir);
    if (gitDir.isEmpty() || !Files.isDirectory(gitDir.get())) return dir;
    Path tmp = gitDir.get().resolve("envshift-tmp");
    if (!Files.isDirectory(tmp)) {
      Files.createDirectories(tmp,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    if (!Files.getFileStore(tmp).equals(Files.getFileStore(dir))) return dir;
    sweep(tmp);
    return tmp;
  }

  /** The git directory of the work tree holding {@code dir}: a .git folder, or a .git file's. */
  public static Optional<Path> gitDir(Path dir) throws IOException {
    for (Path p = dir; p != null; p = p.getParent()) {
      Path git = p.resolve(".git");
      if (Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) return Optional.of(git);
      if (Files.isRegularFile(git, LinkOption.NOFOLLOW_LINKS)) {
        // a linked work tree or a submodule: "gitdir: PATH"
        String first = Files.readAllLines(git).stream().findFirst().orElse("");
        if (!first.startsWith("gitdir:")) return Optional.empty();
        return Optional.of(p.resolve(first.substring("gitdir:".length()).strip()).normalize());
      }
    }
    return Optional.empty();
  }

  /** Temp files of runs killed mid-write: older than a minute, no live run owns them. */
  private static void sweep(Path tmpDir) throws IOException {
    FileTime cutoff = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(tmpDir, "*.tmp")) {
      for (Path file : stale) {
        if (Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).compareTo(cutoff) < 0) {
          deleteQuietly(file);
        }
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
