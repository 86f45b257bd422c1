package envshift.convert;

import envshift.EnvshiftException;
import envshift.manifest.Environment;
import envshift.manifest.ManifestLoader;
import envshift.manifest.Source;
import envshift.repo.BlackboxLayout;
import envshift.settings.EncryptedNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a .env may be written inside a repo. A target comes from the manifest (a pull request may
 * change it) or the command line, so it is checked like a source: never a symlink, never through a
 * symlinked folder out of the repository, and never a file the repo needs — a source of any
 * environment, the manifest, or an encrypted file blackbox lists — which a write would destroy.
 */
public final class DotenvTarget {
  private DotenvTarget() {}

  /** Refuses {@code target} (absolute, normalized) with one line; outside the repo it is free. */
  public static void check(Workspace workspace, Path target) {
    Path root = workspace.root();
    if (!target.startsWith(root)) return;
    String relative = root.relativize(target).toString().replace('\\', '/');
    if (Files.isSymbolicLink(target)) {
      throw refused(relative, "is a symbolic link");
    }
    if (!insideRealRoot(root, target)) {
      throw refused(relative, "leads out of the repository through a symbolic link");
    }
    if (relative.equals(ManifestLoader.FILE_NAME)) {
      throw refused(relative, "is the manifest");
    }
    for (Environment env : workspace.manifest().environments()) {
      for (Source source : env.sources()) {
        if (root.resolve(source.path()).normalize().equals(target)) {
          throw refused(relative, "is a source of environment " + env.name()
              + " (writing it would destroy its values); choose another dotenv path");
        }
      }
    }
    boolean listed = BlackboxLayout.find(root).map(b -> b.files().stream()
        .anyMatch(f -> (f + ".gpg").equals(relative) || f.equals(relative))).orElse(false);
    if (listed) {
      throw refused(relative, "is a legacy file blackbox lists in "
          + "blackbox-files.txt; choose another dotenv path");
    }
    if (EncryptedNames.named(relative) && Files.exists(target)
        && !isDevDotenv(workspace, relative)) {
      throw refused(relative, "is an existing encrypted file that is not the development .env");
    }
  }

  /**
   * Refuses {@code target} for an example .env: what {@link #check} refuses, and also the
   * development .env itself (the example would replace its values with none) and any .gpg name
   * (an example is never encrypted, and a plaintext file must not look encrypted).
   */
  public static void checkExample(Workspace workspace, Path target) {
    check(workspace, target);
    String name = target.getFileName().toString();
    String shown = workspace.shown(target);
    if (EncryptedNames.named(name)) {
      throw refused(shown, "has an encrypted file's name, and an example .env is never "
          + "encrypted; choose another path");
    }
    if (target.startsWith(workspace.root())
        && isDevDotenv(workspace, workspace.root().relativize(target).toString()
            .replace('\\', '/'))) {
      throw refused(shown, "is the development .env, whose values the example would erase; "
          + "choose another path");
    }
  }

  /** The development dotenv path, plain or with the .gpg that encryption adds. */
  private static boolean isDevDotenv(Workspace workspace, String relative) {
    String dev = workspace.manifest().environments().stream()
        .filter(e -> e.name().equals(Environment.DEVELOPMENT))
        .findFirst().flatMap(Environment::dotenv).orElse(".env");
    String plain = dev.endsWith(".gpg") ? dev.substring(0, dev.length() - 4) : dev;
    return relative.equals(plain) || relative.equals(plain + ".gpg");
  }

  /** The nearest existing folder of the target, links resolved, is inside the real repo root. */
  private static boolean insideRealRoot(Path root, Path target) {
    try {
      Path dir = target.getParent();
      while (dir != null && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) dir = dir.getParent();
      return dir != null && dir.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      throw new EnvshiftException(target + ": cannot be resolved ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static EnvshiftException refused(String relative, String why) {
    return new EnvshiftException("refusing to write " + relative + ": it " + why);
  }
}
