package envshift.repo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RepoScanner#scan} found in a repo.
 *
 * @param root the repo root, absolute
 * @param files the files that matter for a migration, sorted by path
 * @param blackbox the blackbox layout, when the repo has one
 * @param problems one line each, starting with the repo-relative path at fault; sorted
 * @param readers per path, the {@code dialect:} or {@code as:} entry the draft writes
 */
public record RepoScan(
    Path root,
    List<RepoFile> files,
    Optional<BlackboxLayout> blackbox,
    List<String> problems,
    Map<String, String> readers) {
  public RepoScan {
    Objects.requireNonNull(root, "root == null");
    Objects.requireNonNull(blackbox, "blackbox == null");
    files = List.copyOf(files);
    problems = List.copyOf(problems);
    readers = Map.copyOf(readers);
  }

  /** A scan without evidence of how any file is read. */
  public RepoScan(
      Path root, List<RepoFile> files, Optional<BlackboxLayout> blackbox, List<String> problems) {
    this(root, files, blackbox, problems, Map.of());
  }

  /**
   * How the draft should read a source, by path: {@code dialect: compose}/{@code dialect: python}
   * from evidence in the repo, or {@code as: NAME} for a credential-shaped file. Absent: by name.
   */
  public Optional<String> reader(String path) {
    return Optional.ofNullable(readers.get(path));
  }
}
