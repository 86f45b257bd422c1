package envshift.settings;

/**
 * What a dotenv reading noticed but read past. The strict readers used to re-check the writer's
 * output ignore these; the source parser turns them into warnings.
 */
interface DotenvEvents {
  DotenvEvents NONE = new DotenvEvents() {};

  /** {@code $VAR} or {@code ${VAR}} names no key defined earlier in the file: it read as "". */
  default void unknownVariable(String key, String variable, int line) {}

  /** A {@code $} that starts no variable was kept as it is (compose itself would refuse it). */
  default void strayDollar(String key, int line) {}

  /**
   * {@code KEY} alone on a line: its value would come from the environment, which is never read.
   */
  default void inherited(String key, int line) {}

  /** A line that is not an assignment was skipped (only when reading leniently). */
  default void notAssignment(int line) {}

  /**
   * {@code KEY=   # note}: blank, then a comment. Readers disagree on it (the text after the
   * blanks, or nothing), so the value is a guess.
   */
  default void commentOnlyValue(String key, int line) {}
}
