package envshift.plan;

import java.util.List;

/**
 * The summary printed after apply or restore: one line per app, app names padded to one column
 * ({@code payroll-staging  applied (v42)}, {@code payroll-prod     failed: <why>}), in the order
 * given, then a count line. Ends with a newline.
 */
public final class OutcomeText {
  private OutcomeText() {}

  public static String render(List<AppOutcome> outcomes) {
    return render(outcomes, false);
  }

  public static String render(List<AppOutcome> outcomes, boolean color) {
    int width = outcomes.stream().mapToInt(o -> Shown.visible(o.app()).length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (AppOutcome o : outcomes) {
      String app = Shown.visible(o.app());
      out.append(app).append(" ".repeat(width - app.length())).append("  ")
          .append(Ansi.paint(Shown.visible(describe(o)), colour(o), color)).append('\n');
    }
    out.append(Ansi.paint(counts(outcomes), Ansi.BOLD, color)).append('\n');
    return out.toString();
  }

  private static String describe(AppOutcome o) {
    String release = o.release().map(v -> " (v" + v + ")").orElse("");
    String why = o.why().map(w -> ": " + w).orElse("");
    return o.status().label() + release + why;
  }

  private static String colour(AppOutcome o) {
    return switch (o.status()) {
      case APPLIED -> Ansi.GREEN;
      case UNCHANGED -> Ansi.DIM;
      case FAILED -> Ansi.RED;
      case SKIPPED -> Ansi.YELLOW;
    };
  }

  private static String counts(List<AppOutcome> outcomes) {
    StringBuilder line = new StringBuilder("Apply:");
    AppOutcome.Status[] statuses = AppOutcome.Status.values();
    for (int i = 0; i < statuses.length; i++) {
      AppOutcome.Status s = statuses[i];
      long n = outcomes.stream().filter(o -> o.status() == s).count();
      line.append(i == 0 ? " " : ", ").append(n).append(' ').append(s.label());
    }
    return line.append('.').toString();
  }
}
