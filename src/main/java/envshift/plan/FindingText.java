package envshift.plan;

/** The words shared by the drift table and the Markdown report; never a value. */
final class FindingText {
  static final String YES = "✓";
  static final String NO = "—";

  private FindingText() {}

  /** What is wrong with the finding's variable, without its name. */
  static String detail(Finding f) {
    String envs = String.join(", ", f.envs());
    return switch (f.kind()) {
      case MISSING -> "missing in " + envs;
      case SAME_SECRET -> "same value in " + envs;
      case MUST_MATCH -> "must match but differs in " + envs;
      case CHANGED -> "live value in " + envs + " differs from the source";
      case ADDED -> "live in " + envs + " but not in the source";
      case REMOVED -> "in the source but not live in " + envs;
      case LIVE -> "owned by the app in " + envs + " since it was rotated (live:); the source "
          + "value is retired, not compared";
    };
  }

  static String comparison(DriftReport.Comparison c) {
    return switch (c) {
      case SAME -> "same";
      case DIFFERS -> "differs";
      case NOT_COMPARED -> NO;
    };
  }

  static String findingsHeading(DriftReport report) {
    int n = report.findings().size();
    return n == 0 ? "No findings." : n + (n == 1 ? " finding:" : " findings:");
  }
}
