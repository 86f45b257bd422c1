package envshift.repo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The .gitignore rules in force in one directory: its own file's rules after those of every
 * directory above it, so a deeper file and a later line win (gitignore(5)). Immutable; a walk keeps
 * one per directory level. Not handled: .git/info/exclude and core.excludesFile.
 */
final class GitIgnore {
  static final GitIgnore NONE = new GitIgnore(List.of());

  private final List<Rule> rules;

  private GitIgnore(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * These rules plus those of a .gitignore file.
   *
   * @param text the file's content
   * @param baseDir the file's directory, repo-relative with '/' separators; "" for the root
   */
  GitIgnore with(String text, String baseDir) {
    List<Rule> all = new ArrayList<>(rules);
    text.lines().map(line -> Rule.parse(line, baseDir)).flatMap(List::stream).forEach(all::add);
    return new GitIgnore(all);
  }

  /** Whether a repo-relative path is ignored: the last rule that matches decides. */
  boolean ignores(String path, boolean directory) {
    boolean ignored = false;
    for (Rule rule : rules) {
      if (rule.matches(path, directory)) {
        ignored = !rule.negated();
      }
    }
    return ignored;
  }

  /**
   * One pattern line.
   *
   * @param anchored the pattern has a '/' before its end, so it matches from {@code baseDir} rather
   *     than against the last path component at any depth
   */
  record Rule(
      String baseDir, Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored) {
    static List<Rule> parse(String line, String baseDir) {
      String text = stripTrailingSpaces(line);
      if (text.isEmpty() || text.startsWith("#")) {
        return List.of();
      }
      boolean negated = text.startsWith("!");
      if (negated) {
        text = text.substring(1);
      }
      boolean directoryOnly = text.endsWith("/");
      if (directoryOnly) {
        text = text.substring(0, text.length() - 1);
      }
      boolean anchored = text.contains("/");
      if (text.startsWith("/")) {
        text = text.substring(1);
      }
      if (text.isEmpty()) {
        return List.of();
      }
      return List.of(new Rule(baseDir, Glob.toRegex(text), negated, directoryOnly, anchored));
    }

    boolean matches(String path, boolean directory) {
      if (directoryOnly && !directory) {
        return false;
      }
      String prefix = baseDir.isEmpty() ? "" : baseDir + "/";
      if (!path.startsWith(prefix)) {
        return false;
      }
      String relative = path.substring(prefix.length());
      String subject = anchored ? relative : relative.substring(relative.lastIndexOf('/') + 1);
      return pattern.matcher(subject).matches();
    }

    /** Trailing spaces are dropped unless escaped with a backslash. */
    private static String stripTrailingSpaces(String line) {
      int end = line.length();
      while (end > 0 && line.charAt(end - 1) == ' ' && !(end > 1 && line.charAt(end - 2) == '\\')) {
        end--;
      }
      return line.substring(0, end);
    }
  }
}
