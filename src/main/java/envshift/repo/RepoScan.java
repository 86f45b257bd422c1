package envshift.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RepoScanner#scan} found in a repo.
 *
 * @param root the repo root, absolute
 * @param files the files that matter for a migration, sorted by path
 * @param blackbox the blackbox layout, when the repo has one
 * @param problems one line each, starting with the repo-relative path at fault; sorted
 */
public record RepoScan(
    Path root, List<RepoFile> files, Optional<BlackboxLayout> blackbox, List<String> problems) {
  public RepoScan {
    Objects.requireNonNull(root, "root == null");
    Objects.requireNonNull(blackbox, "blackbox == null");
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }
}
