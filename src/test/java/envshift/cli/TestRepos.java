package envshift.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies of fixture repos and small repos built from fixture files, all under a test's temp dir.
 */
final class TestRepos {
  private TestRepos() {}

  /** A copy of {@code fixtures/repos/NAME} at {@code into/NAME}. */
  static Path copy(String name, Path into) {
    Path target = into.resolve(name);
    copyTree(Cli.FIXTURES.resolve("repos").resolve(name), target);
    return target;
  }

  /**
   * A repo at {@code dir} whose {@code development} environment has one source: the fixture file
   * {@code fixture} (e.g. {@code bad/truncated.py.gpg}), copied to the repo root under its name.
   * {@code extraYaml} is appended to the manifest (e.g. {@code "drop: [X]\n"}).
   */
  static Path withSource(Path dir, String fixture, String extraYaml) {
    Path source = Cli.FIXTURES.resolve(fixture);
    String name = source.getFileName().toString();
    try {
      Files.createDirectories(dir);
      Files.copy(source, dir.resolve(name));
      Files.writeString(
          dir.resolve("envshift.yml"),
          "version: 1\nenvironments:\n  development:\n    sources: ["
              + name
              + "]\n    dotenv: .env\n"
              + extraYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static void copyTree(Path from, Path to) {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every regular file under {@code root}, relative, sorted. */
  static List<String> files(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files under {@code root} whose bytes contain {@code needle} (as UTF-8), relative. */
  static List<String> filesContaining(Path root, String needle) {
    byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
    List<String> found = new ArrayList<>();
    for (String file : files(root)) {
      try {
        if (indexOf(Files.readAllBytes(root.resolve(file)), wanted) >= 0) {
          found.add(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return found;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** The fixture key id of {@code name}'s {@code role} key, read from keys/fingerprints.txt. */
  static String keyId(String name, String role) {
    try {
      for (String line : Files.readAllLines(Cli.FIXTURES.resolve("keys/fingerprints.txt"))) {
        String[] f = line.trim().split("\\s+");
        if (!line.startsWith("#") && f.length >= 6 && f[0].equals(name) && f[1].equals(role)) {
          return f[5];
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no " + name + " " + role + " in keys/fingerprints.txt");
  }
}
