package envshift.pgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * The {@code private-keys-v1.d} directories of the GnuPG homes, opened one key file at a time as
 * a message's recipients need them: the file of a public key is {@code <keygrip>.key}, so no other
 * file is ever read, and an unreadable or unsupported unrelated one cannot fail a command. For a
 * key whose keygrip {@link Keygrip} cannot compute (a curve gpg 2.2 does not make), every file is
 * parsed once and matched by its public value, as envshift did before it computed keygrips. Not
 * thread-safe: {@link KeyRing} guards it.
 */
final class KeyFileIndex {
  private final List<Path> directories;
  private final Map<Path, Optional<GnupgKeyFile>> opened = new HashMap<>();
  private final List<String> unreadable = new ArrayList<>();
  private List<GnupgKeyFile> scanned;

  KeyFileIndex(List<Path> directories) {
    this.directories = List.copyOf(directories);
  }

  /** The key file holding the secret half of {@code key}, if a home has a readable one. */
  Optional<GnupgSecretKey> find(PGPPublicKey key) {
    Optional<String> keygrip = Keygrip.of(key);
    if (keygrip.isEmpty()) {
      return scanAll().stream()
          .filter(file -> file.matches(key))
          .findFirst()
          .map(file -> new GnupgSecretKey(file, key));
    }
    for (Path directory : directories) {
      Path path = directory.resolve(keygrip.get() + ".key");
      if (Files.isRegularFile(path)) {
        // the public value is checked too: a file copied under a wrong name is not this key's
        Optional<GnupgKeyFile> file = open(path).filter(f -> f.matches(key));
        if (file.isPresent()) {
          return Optional.of(new GnupgSecretKey(file.get(), key));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@link #find} for {@code key} would open no file that was not opened before, so that
   * calling it cannot add to {@link #unreadable}.
   */
  boolean findsWithoutOpening(PGPPublicKey key) {
    Optional<String> keygrip = Keygrip.of(key);
    if (keygrip.isEmpty()) {
      return scanned != null || directories.isEmpty();
    }
    for (Path directory : directories) {
      Path path = directory.resolve(keygrip.get() + ".key");
      if (!opened.containsKey(path) && Files.isRegularFile(path)) {
        return false;
      }
    }
    return true;
  }

  /** The files that were opened and could not be parsed: {@code file: why}. */
  List<String> unreadable() {
    return List.copyOf(unreadable);
  }

  private Optional<GnupgKeyFile> open(Path path) {
    return opened.computeIfAbsent(
        path,
        p -> {
          try {
            return Optional.of(GnupgKeyFile.read(p));
          } catch (KeyException e) {
            unreadable.add(e.getMessage());
            return Optional.empty();
          }
        });
  }

  private List<GnupgKeyFile> scanAll() {
    if (scanned == null) {
      List<GnupgKeyFile> files = new ArrayList<>();
      for (Path directory : directories) {
        for (Path path : keyFiles(directory)) {
          open(path).ifPresent(files::add);
        }
      }
      scanned = files;
    }
    return scanned;
  }

  /** The {@code .key} files of a directory, listed without being opened. */
  static List<Path> keyFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(p -> p.getFileName().toString().endsWith(".key") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new KeyException(directory + ": cannot list secret keys", e);
    }
  }
}
