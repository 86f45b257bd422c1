package envshift;

import java.util.Objects;

/** Where a value came from: a repo-relative file and a 1-based line (0 when the line is unknown). */
public record Origin(String file, int line) {
  public Origin {
    Objects.requireNonNull(file, "file == null");
    if (line < 0) throw new IllegalArgumentException("line < 0");
  }

  public static Origin of(String file) {
    return new Origin(file, 0);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line;
  }
}
