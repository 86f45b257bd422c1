package envshift.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repo's StackExchange blackbox configuration directory.
 *
 * @param configDir the directory, resolved against the repo root
 * @param files plaintext repo-relative paths from blackbox-files.txt (each encrypted as {@code
 *     <path>.gpg})
 * @param admins key names from blackbox-admins.txt, usually e-mail addresses
 * @param pubring the repo keyring, pubring.gpg preferred over pubring.kbx as blackbox does
 */
public record BlackboxLayout(
    Path configDir, List<String> files, List<String> admins, Optional<Path> pubring) {
  /** Where blackbox v1 looks, in its order: the newer name first. */
  static final List<String> CONFIG_DIRS = List.of(".blackbox", "keyrings/live");

  public BlackboxLayout {
    Objects.requireNonNull(configDir, "configDir == null");
    Objects.requireNonNull(pubring, "pubring == null");
    files = List.copyOf(files);
    admins = List.copyOf(admins);
  }

  /**
   * The first of {@code .blackbox} and {@code keyrings/live} that is a directory, like blackbox
   * v1's {@code _blackbox_common.sh}; empty when neither is. Missing list files read as empty
   * lists.
   */
  public static Optional<BlackboxLayout> find(Path repoRoot) {
    for (String name : CONFIG_DIRS) {
      Path dir = repoRoot.resolve(name);
      if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(read(dir, name));
      }
    }
    return Optional.empty();
  }

  private static BlackboxLayout read(Path dir, String name) {
    List<String> files =
        readList(dir.resolve("blackbox-files.txt"), name + "/blackbox-files.txt").stream()
            .map(BlackboxLayout::withoutDotSlash)
            .toList();
    List<String> admins =
        readList(dir.resolve("blackbox-admins.txt"), name + "/blackbox-admins.txt");
    return new BlackboxLayout(dir, files, admins, pubring(dir));
  }

  private static Optional<Path> pubring(Path dir) {
    for (String name : List.of("pubring.gpg", "pubring.kbx")) {
      Path ring = dir.resolve(name);
      if (Files.isRegularFile(ring)) {
        return Optional.of(ring);
      }
    }
    return Optional.empty();
  }

  /** One entry a line; CRLF tolerated (the .gitattributes eol=lf is not always honoured). */
  private static List<String> readList(Path file, String shownAs) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return text.lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new RepoException("cannot read " + shownAs, e);
    }
  }

  private static String withoutDotSlash(String path) {
    return path.startsWith("./") ? path.substring(2) : path;
  }
}
