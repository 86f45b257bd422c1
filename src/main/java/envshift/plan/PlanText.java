package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * The human rendering of a {@link Plan}. Per app: a header {@code env → app}, then the changes
 * grouped by action in a fixed order (add, change, delete, unchanged count, protected, live, kept),
 * names sorted within each group because the plan is sorted by name. Values are masks unless
 * revealed. Ends with one summary line and a newline.
 */
public final class PlanText {
  private static final String ARROW = " → ";

  private PlanText() {}

  public static String render(Plan plan, RenderOptions options) {
    StringBuilder out = new StringBuilder();
    for (AppPlan app : plan.apps()) {
      appendApp(out, app, options);
      out.append('\n');
    }
    out.append(Ansi.paint(summary(plan), Ansi.BOLD, options.color())).append('\n');
    return out.toString();
  }

  static String summary(Plan plan) {
    int apps = plan.apps().size();
    long unchanged = plan.apps().stream().filter(a -> !a.hasChanges()).count();
    return "Plan: " + plan.count(Action.ADD) + " to add, " + plan.count(Action.CHANGE)
        + " to change, " + plan.count(Action.REMOVE) + " to delete across " + apps
        + (apps == 1 ? " app" : " apps") + " (" + unchanged + " unchanged).";
  }

  private static void appendApp(StringBuilder out, AppPlan app, RenderOptions o) {
    out.append(paint(app.env() + ARROW + app.app(), Ansi.BOLD, o)).append('\n');
    List<String> lines = new ArrayList<>();
    app.changes(Action.ADD).forEach(c -> lines.addAll(added(c, o)));
    app.changes(Action.CHANGE).forEach(c -> lines.addAll(changed(c, o)));
    app.changes(Action.REMOVE).forEach(c -> lines.add(paint("- " + c.name(), Ansi.RED, o)));
    if (app.unchangedCount() > 0) {
      lines.add(paint("= " + app.unchangedCount() + " unchanged", Ansi.DIM, o));
    }
    for (Change c : app.changes(Action.PROTECTED)) {
      String addon = c.addon().orElseThrow();
      String text = "! " + c.name() + " owned by add-on " + addon + ", left alone";
      lines.add(paint(text, Ansi.CYAN, o));
    }
    for (Change c : app.changes(Action.LIVE)) {
      String missing = c.oldValue().isEmpty() ? " (not set on " + app.app() + ")" : "";
      lines.add(paint("= " + c.name() + " live (rotated), left alone" + missing, Ansi.CYAN, o));
    }
    for (Change c : app.changes(Action.KEEP)) {
      lines.add(paint("  " + c.name() + " kept (live only; --prune would delete it)", Ansi.DIM, o));
    }
    if (app.changes().isEmpty()) {
      lines.add(paint("(no config vars)", Ansi.DIM, o));
    }
    lines.forEach(line -> out.append("  ").append(line).append('\n'));
  }

  private static List<String> added(Change c, RenderOptions o) {
    Secret value = c.newValue().orElseThrow();
    if (!Shown.multiLine(value, o.reveal())) {
      return List.of(paint("+ " + c.name() + " = " + oneLine(value, o), Ansi.GREEN, o));
    }
    List<String> lines = new ArrayList<>();
    lines.add(paint("+ " + c.name() + " =", Ansi.GREEN, o));
    lines.addAll(block(value, o));
    return lines;
  }

  private static List<String> changed(Change c, RenderOptions o) {
    Secret from = c.oldValue().orElseThrow();
    Secret to = c.newValue().orElseThrow();
    if (!Shown.multiLine(from, o.reveal()) && !Shown.multiLine(to, o.reveal())) {
      String text = "~ " + c.name() + ": " + oneLine(from, o) + ARROW + oneLine(to, o);
      return List.of(paint(text, Ansi.YELLOW, o));
    }
    // Multi-line values (PEM keys) get a block each, old above new, split by an arrow line.
    List<String> lines = new ArrayList<>();
    lines.add(paint("~ " + c.name() + ":", Ansi.YELLOW, o));
    lines.addAll(block(from, o));
    lines.add("  " + ARROW.strip());
    lines.addAll(block(to, o));
    return lines;
  }

  private static String oneLine(Secret value, RenderOptions o) {
    return Shown.lines(value, o.reveal()).get(0);
  }

  /** The value's lines, indented under the name (on top of the two-space app indent). */
  private static List<String> block(Secret value, RenderOptions o) {
    return Shown.lines(value, o.reveal()).stream().map(l -> "    " + l).toList();
  }

  /** Names and add-ons come from user data: made visible here, before any colour is added. */
  private static String paint(String text, String code, RenderOptions o) {
    return Ansi.paint(Shown.visible(text), code, o.color());
  }
}
