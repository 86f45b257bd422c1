package envshift.scan;

import java.util.List;

/**
 * What {@code scan} found. {@code history}: whether every commit was read, not only the files
 * tracked now. {@code valuesSearched}: how many distinct variables' values were searched for;
 * {@code skippedBlobs}: files too large to read; {@code notes}: why some liveness is unknown.
 */
public record ScanReport(
    List<Leak> leaks, boolean history, int valuesSearched, int skippedBlobs, List<String> notes) {
  public ScanReport {
    leaks = List.copyOf(leaks);
    notes = List.copyOf(notes);
  }

  public boolean hasFindings() {
    return !leaks.isEmpty();
  }
}
