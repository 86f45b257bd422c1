package envshift.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Lists a repo's regular files the way git would see them: skipping what .gitignore files ignore,
 * VCS and build directories, the blackbox keyrings, and symlinks (never followed).
 */
final class RepoWalker extends SimpleFileVisitor<Path> {
  /** Skipped at any depth. */
  private static final Set<String> SKIPPED_NAMES = Set.of(".git", "node_modules", "target");

  /** Skipped at the root: blackbox keyrings, and git-crypt's GPG-wrapped keys (OpenPGP!). */
  private static final Set<String> SKIPPED_AT_ROOT =
      Set.of(".blackbox", "keyrings/live", ".git-crypt");

  /** A file found, with its size for the content sniffer. */
  record Found(String path, long size) {}

  private final Path root;
  private final Deque<GitIgnore> ignores = new ArrayDeque<>();
  private final List<Found> found = new ArrayList<>();
  private final List<String> problems;

  private RepoWalker(Path root, List<String> problems) {
    this.root = root;
    this.problems = problems;
  }

  /** The files, sorted by path; unreadable entries are added to {@code problems}. */
  static List<Found> walk(Path root, List<String> problems) {
    RepoWalker walker = new RepoWalker(root, problems);
    try {
      Files.walkFileTree(root, walker);
    } catch (IOException e) {
      throw new RepoException("cannot list the files of " + root, e);
    }
    walker.found.sort(Comparator.comparing(Found::path));
    return walker.found;
  }

  @Override
  public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
    String path = relative(dir);
    GitIgnore inherited = ignores.isEmpty() ? GitIgnore.NONE : ignores.peek();
    if (!path.isEmpty() && skipped(path, true, inherited)) {
      return FileVisitResult.SKIP_SUBTREE;
    }
    ignores.push(withGitIgnoreOf(dir, path, inherited));
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult postVisitDirectory(Path dir, IOException e) {
    ignores.pop();
    if (e != null) {
      problems.add(relative(dir) + ": cannot list this directory (" + reason(e) + ")");
    }
    return FileVisitResult.CONTINUE;
  }

  @Override
  public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
    String path = relative(file);
    if (attrs.isRegularFile() && !skipped(path, false, ignores.peek())) {
      found.add(new Found(path, attrs.size()));
    }
    return FileVisitResult.CONTINUE; // symlinks, sockets and the like are not settings files
  }

  @Override
  public FileVisitResult visitFileFailed(Path file, IOException e) {
    problems.add(relative(file) + ": cannot read (" + reason(e) + ")");
    return FileVisitResult.CONTINUE;
  }

  private boolean skipped(String path, boolean directory, GitIgnore ignore) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return SKIPPED_NAMES.contains(name)
        || (directory && SKIPPED_AT_ROOT.contains(path))
        || ignore.ignores(path, directory);
  }

  private GitIgnore withGitIgnoreOf(Path dir, String path, GitIgnore inherited) {
    Path file = dir.resolve(".gitignore");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return inherited; // git does not follow a symlinked .gitignore either
    }
    try {
      return inherited.with(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      problems.add(relative(file) + ": cannot read (" + reason(e) + "); its rules are not applied");
      return inherited;
    }
  }

  private String relative(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName();
  }
}
