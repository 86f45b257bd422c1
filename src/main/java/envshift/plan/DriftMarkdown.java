package envshift.plan;

import java.util.Collections;

/**
 * A GitHub-flavoured Markdown rendering of a {@link DriftReport}, for a pull-request comment: a
 * heading, the table, the findings as a list, the add-on owned variables. Text from the report
 * (environment labels, add-on names) is escaped so it cannot break the table or inject markup;
 * variable names are shown as code. Ends with a newline.
 */
public final class DriftMarkdown {
  private DriftMarkdown() {}

  public static String render(DriftReport report) {
    StringBuilder out = new StringBuilder("### envshift drift\n\n");
    out.append(row(header(report))).append(row(rule(report.environments().size())));
    for (DriftReport.Row r : report.rows()) {
      StringBuilder cells = new StringBuilder(code(r.name()));
      for (String env : report.environments()) {
        cells.append(" | ").append(r.isIn(env) ? FindingText.YES : FindingText.NO);
      }
      cells.append(" | ").append(FindingText.comparison(r.comparison()));
      out.append(row(cells.toString()));
    }
    out.append("\n**").append(FindingText.findingsHeading(report)).append("**\n");
    if (report.hasFindings()) {
      out.append('\n');
    }
    for (Finding f : report.findings()) {
      out.append("- **").append(f.kind().label()).append("** ").append(code(f.name()))
          .append(": ").append(escape(FindingText.detail(f))).append('\n');
    }
    if (!report.addonOwned().isEmpty()) {
      out.append("\n**Add-on owned (not compared):**\n\n");
      for (DriftReport.AddonVar a : report.addonOwned()) {
        out.append("- ").append(code(a.name())).append(" (").append(escape(a.addon()))
            .append(": ").append(escape(String.join(", ", a.envs()))).append(")\n");
      }
    }
    return out.toString();
  }

  private static String header(DriftReport report) {
    StringBuilder cells = new StringBuilder("Variable");
    report.environments().forEach(e -> cells.append(" | ").append(escape(e)));
    return cells.append(" | Values").toString();
  }

  private static String rule(int environments) {
    return String.join(" | ", Collections.nCopies(environments + 2, "---"));
  }

  private static String row(String cells) {
    return "| " + cells + " |\n";
  }

  /** Env var names hold no backticks in practice; one would be swapped rather than break out. */
  private static String code(String name) {
    return "`" + Shown.visible(name).replace('`', '\'').replace("|", "\\|") + "`";
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : Shown.visible(text.replace('\n', ' ').replace('\r', ' ')).toCharArray()) {
      if ("\\`*_[]<>|#!~".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
