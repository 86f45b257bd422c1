package envshift.rotate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What cleanup removes, all paths repo-relative: the migrated encrypted {@code files}; their
 * {@code blackboxEntries} (plaintext paths) from {@code blackboxList}; the {@code gitignoreLines}
 * blackbox added for their plaintext twins. {@code leftForHuman} are encrypted files blackbox still
 * lists that no environment reads (nginx configs, deploy scripts); {@code kept} are encrypted
 * sources of environments without an app (the development .env's source).
 */
public record CleanupPlan(
    List<String> files,
    Optional<String> blackboxList,
    List<String> blackboxEntries,
    List<String> gitignoreLines,
    List<String> leftForHuman,
    List<String> kept) {
  public CleanupPlan {
    files = List.copyOf(files);
    Objects.requireNonNull(blackboxList, "blackboxList == null");
    blackboxEntries = List.copyOf(blackboxEntries);
    gitignoreLines = List.copyOf(gitignoreLines);
    leftForHuman = List.copyOf(leftForHuman);
    kept = List.copyOf(kept);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }
}
