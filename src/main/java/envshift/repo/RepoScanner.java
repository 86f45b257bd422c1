package envshift.repo;

import envshift.EnvshiftException;
import envshift.repo.ContentSniffer.Content;
import envshift.settings.EncryptedNames;
import envshift.settings.Settings;
import envshift.settings.SettingsFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the files of a legacy repo that matter for a migration: OpenPGP messages (found by their
 * first bytes, whatever their name), files registered in blackbox, plaintext dotenv files and
 * settings templates. Reads only the first bytes of each file; never decrypts, never writes.
 */
public final class RepoScanner {
  private final Path root;
  private final Set<String> registered;
  private final Map<String, Content> contents = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, byte[]> heads = new LinkedHashMap<>();

  private RepoScanner(Path root, Set<String> registered) {
    this.root = root;
    this.registered = registered;
  }

  /** Scans the repo at {@code repoRoot}; problems found on the way are in the result. */
  /**
   * Refuses a plaintext file inside the repo that git would commit: {@code .gitignore} must ignore
   * it. Outside the repo there is no git to ask.
   */
  public static void refuseCommittable(Path repoRoot, Path target) {
    if (!target.startsWith(repoRoot)) return;
    String relative = repoRoot.relativize(target).toString().replace('\\', '/');
    if (!isIgnored(repoRoot, relative)) {
      throw new EnvshiftException(
          "refusing to write plaintext "
              + relative
              + ": .gitignore does not ignore it"
              + " (add it to .gitignore, or use --force)");
    }
  }

  /**
   * Whether git would ignore a repo-relative file: the .gitignore of the root and of every folder
   * on the way down apply, and a file inside an ignored folder is ignored.
   */
  public static boolean isIgnored(Path repoRoot, String relativePath) {
    String[] parts = relativePath.replace('\\', '/').split("/");
    GitIgnore rules = GitIgnore.NONE;
    StringBuilder dir = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      rules = withFile(rules, repoRoot.resolve(dir.toString()).resolve(".gitignore"), dir.toString());
      if (dir.length() > 0) dir.append('/');
      dir.append(parts[i]);
      if (rules.ignores(dir.toString(), i < parts.length - 1)) return true;
    }
    return false;
  }

  private static GitIgnore withFile(GitIgnore rules, Path file, String baseDir) {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) return rules;
    try {
      return rules.with(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8), baseDir);
    } catch (IOException e) {
      return rules;
    }
  }

  public static RepoScan scan(Path repoRoot) {
    Path root = realDirectory(repoRoot);
    Optional<BlackboxLayout> blackbox = BlackboxLayout.find(root);
    RepoScanner scanner =
        new RepoScanner(root, Set.copyOf(blackbox.map(BlackboxLayout::files).orElse(List.of())));
    for (RepoWalker.Found file : RepoWalker.walk(root, scanner.problems)) {
      scanner.sniff(file.path(), file.size());
    }
    blackbox.ifPresent(scanner::addRegistered);
    List<RepoFile> files = new ArrayList<>();
    scanner.contents.forEach(
        (path, content) -> scanner.describe(path, content).ifPresent(files::add));
    files.sort(Comparator.comparing(RepoFile::path));
    scanner.problems.sort(Comparator.naturalOrder());
    return new RepoScan(root, files, blackbox, scanner.problems,
        SourceEvidence.readers(root, files, scanner.heads));
  }

  private static Path realDirectory(Path repoRoot) {
    if (!Files.isDirectory(repoRoot)) {
      throw new RepoException("not a directory: " + repoRoot);
    }
    try {
      return repoRoot.toRealPath();
    } catch (IOException e) {
      throw new RepoException("cannot open the repo directory " + repoRoot, e);
    }
  }

  /** Encrypted files registered in blackbox are read even where a .gitignore hides them. */
  private void addRegistered(BlackboxLayout layout) {
    String list = root.relativize(layout.configDir()) + "/blackbox-files.txt";
    for (String plain : layout.files()) {
      Path file = root.resolve(plain + ".gpg").normalize();
      String encrypted = root.relativize(file).toString().replace('\\', '/');
      if (contents.containsKey(encrypted)) {
        continue;
      }
      if (!file.startsWith(root) || throughSymlink(file)) {
        problems.add(plain + ": listed in " + list + " but it is outside the repo or a symlink");
      } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        sniff(encrypted, file.toFile().length());
      } else {
        problems.add(plain + ": listed in " + list + " but " + encrypted + " is missing");
      }
    }
  }

  /** Whether the file or a directory above it is a symlink, which the walk never follows. */
  private boolean throughSymlink(Path file) {
    for (Path path = file; !path.equals(root); path = path.getParent()) {
      if (Files.isSymbolicLink(path)) {
        return true;
      }
    }
    return false;
  }

  /** Reads the first bytes only: enough for an armor header or a first packet header. */
  private void sniff(String path, long size) {
    try (InputStream in = Files.newInputStream(root.resolve(path), LinkOption.NOFOLLOW_LINKS)) {
      byte[] head = in.readNBytes(ContentSniffer.HEAD_SIZE);
      contents.put(path, ContentSniffer.sniff(head, size));
      heads.put(path, head);
    } catch (IOException e) {
      problems.add(path + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The RepoFile for a path, or empty when the file does not matter for a migration. */
  private Optional<RepoFile> describe(String path, Content content) {
    boolean inBlackbox =
        registered.contains(path) || registered.contains(EncryptedNames.plainName(path));
    Optional<String> environment = EnvironmentGuesser.guess(path);
    switch (content) {
      case BINARY_MESSAGE, ARMORED_MESSAGE -> {
        SettingsFormat format = Settings.formatOf(path);
        boolean armored = content == Content.ARMORED_MESSAGE;
        return Optional.of(
            new RepoFile(
                path, FileKind.of(format), format, true, armored, environment, inBlackbox));
      }
      case GIT_CRYPT, SOPS -> {
        String tool = content == Content.SOPS ? "sops" : "git-crypt";
        problems.add(path + ": encrypted with " + tool + ", not OpenPGP; envshift cannot read it");
        return Optional.of(unknown(path, environment, inBlackbox));
      }
      default -> {
        return plaintext(path, content, environment, inBlackbox);
      }
    }
  }

  private Optional<RepoFile> plaintext(
      String path, Content content, Optional<String> environment, boolean inBlackbox) {
    if (hasEncryptionSuffix(path)) {
      String hint = content == Content.OTHER_OPENPGP ? " (a key or a signature?)" : "";
      problems.add(path + ": named like an encrypted file but is not an OpenPGP message" + hint);
      return Optional.of(unknown(path, environment, inBlackbox));
    }
    for (String suffix : EncryptedNames.SUFFIXES) {
      Content twin = contents.get(path + suffix);
      if (twin == Content.BINARY_MESSAGE || twin == Content.ARMORED_MESSAGE) {
        problems.add(path + ": plaintext of " + path + suffix + " is present and not git-ignored");
        return Optional.empty();
      }
    }
    SettingsFormat format = Settings.formatOf(path);
    boolean settingsTemplate =
        EnvironmentGuesser.isTemplate(path) && FileKind.of(format) == FileKind.SETTINGS;
    if (inBlackbox || format == SettingsFormat.DOTENV || settingsTemplate) {
      return Optional.of(
          new RepoFile(path, FileKind.of(format), format, false, false, environment, inBlackbox));
    }
    return Optional.empty(); // application code, docs, assets: not part of a migration
  }

  private static RepoFile unknown(String path, Optional<String> environment, boolean inBlackbox) {
    return new RepoFile(
        path, FileKind.UNKNOWN, SettingsFormat.UNKNOWN, false, false, environment, inBlackbox);
  }

  /** .asc is also how key exports and signatures are named, so only .gpg/.pgp promise a message. */
  private static boolean hasEncryptionSuffix(String path) {
    return EncryptedNames.suffixOf(path).filter(s -> !s.equals(".asc")).isPresent();
  }
}
