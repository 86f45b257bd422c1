package envshift.heroku;

import envshift.EnvshiftException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per app on this machine. Every write (apply, restore, rotate) holds its app's lock
 * from the re-check through the PATCH and its verification, so two runs started together cannot
 * both pass the re-check and make two releases: the second waits, then re-checks against the
 * config the first one wrote. The lock is an OS file lock ({@link FileChannel#tryLock}) on
 * {@code <dir>/<app>.lock}: the OS drops it when a process dies, so a crash leaves no stale lock,
 * and the file (empty) is never deleted, as deleting a lock file races with its next user. Without
 * a folder the lock is only among the threads of this process.
 */
final class AppLocks {
  static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
  private static final long POLL_MILLIS = 50;
  private static final ConcurrentHashMap<String, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final Optional<Path> dir;
  private final Duration wait;
  private final String api;

  /** @param api the API URL: without a folder, apps of different APIs do not share a lock */
  AppLocks(Optional<Path> dir, Duration wait, String api) {
    this.dir = dir;
    this.wait = wait;
    this.api = api;
  }

  /** Waits up to the bound for the app's lock; closing the result releases it. */
  HerokuClient.AppLock acquire(String app) {
    return dir.isPresent() ? fileLock(dir.get(), app) : inProcess(app);
  }

  private HerokuClient.AppLock inProcess(String app) {
    ReentrantLock lock = IN_PROCESS.computeIfAbsent(api + " " + app, k -> new ReentrantLock());
    try {
      if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy(app, "another write in this process");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvshiftException(app + ": interrupted while waiting for the app's lock");
    }
    return lock::unlock;
  }

  private HerokuClient.AppLock fileLock(Path folder, String app) {
    Path file = folder.resolve(fileName(app));
    FileChannel channel = open(folder, file, app);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock = tryLock(channel, file, app);
        if (lock != null) {
          return () -> close(channel);
        }
        if (System.nanoTime() - deadline >= 0) {
          throw busy(app, "lock " + file);
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(channel);
      throw new EnvshiftException(app + ": interrupted while waiting for the app's lock");
    } catch (RuntimeException e) {
      close(channel);
      throw e;
    }
  }

  /** The lock, or null while another process (or another thread here) holds it. */
  private static FileLock tryLock(FileChannel channel, Path file, String app) {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null; // another thread of this process holds it: wait like for another process
    } catch (IOException e) {
      throw new EnvshiftException(app + ": cannot lock " + file + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static FileChannel open(Path folder, Path file, String app) {
    try {
      Files.createDirectories(folder);
      try {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      } catch (IOException | UnsupportedOperationException ignored) {
        // a shared folder keeps its mode; the lock file holds nothing
      }
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new EnvshiftException(app + ": cannot open the lock file " + file + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static void close(FileChannel channel) {
    try {
      channel.close(); // releases the lock with it
    } catch (IOException ignored) {
      // the OS drops the lock with the descriptor anyway
    }
  }

  private EnvshiftException busy(String app, String holder) {
    return new EnvshiftException(app + ": another envshift run is writing to this app ("
        + holder + "); waited " + CallTimeout.seconds(wait) + ", nothing written");
  }

  /** The app name when it is a plain name (Heroku's are), else a digest of it. */
  static String fileName(String app) {
    if (app.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,99}")) {
      return app + ".lock";
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(app.getBytes(StandardCharsets.UTF_8));
      return "app-" + HexFormat.of().formatHex(digest, 0, 16) + ".lock";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
