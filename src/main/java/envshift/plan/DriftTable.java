package envshift.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The terminal rendering of a {@link DriftReport}: an aligned table of names × environments with
 * {@code ✓}/{@code —} and a last column {@code same}/{@code differs}/{@code —}; then the add-on
 * owned variables; then the findings. Colour only when asked. No trailing spaces; ends with a
 * newline.
 */
public final class DriftTable {
  private DriftTable() {}

  public static String render(DriftReport report, boolean color) {
    StringBuilder out = new StringBuilder();
    table(out, report, color);
    if (!report.addonOwned().isEmpty()) {
      out.append('\n').append("Add-on owned (not compared):\n");
      List<List<String>> lines = new ArrayList<>();
      for (DriftReport.AddonVar a : report.addonOwned()) {
        lines.add(List.of(Shown.visible(a.name()), Shown.visible(a.addon()),
            Shown.visible(String.join(", ", a.envs()))));
      }
      aligned(lines).forEach(l -> out.append("  ").append(l).append('\n'));
    }
    out.append('\n').append(Ansi.paint(FindingText.findingsHeading(report), Ansi.BOLD, color));
    out.append('\n');
    int width = report.findings().stream().mapToInt(f -> f.kind().label().length()).max().orElse(0);
    for (Finding f : report.findings()) {
      String kind = Ansi.paint(f.kind().label(), kindColour(f.kind()), color);
      String pad = " ".repeat(width - f.kind().label().length());
      out.append("  ").append(kind).append(pad).append("  ").append(Shown.visible(f.name()));
      out.append(": ").append(Shown.visible(FindingText.detail(f))).append('\n');
    }
    return out.toString();
  }

  private static void table(StringBuilder out, DriftReport report, boolean color) {
    List<String> header = new ArrayList<>(List.of("name"));
    report.environments().forEach(e -> header.add(Shown.visible(e)));
    header.add("values");
    List<List<String>> cells = new ArrayList<>();
    cells.add(header);
    for (DriftReport.Row row : report.rows()) {
      List<String> line = new ArrayList<>(List.of(Shown.visible(row.name())));
      report.environments().forEach(e -> line.add(row.isIn(e) ? FindingText.YES : FindingText.NO));
      line.add(FindingText.comparison(row.comparison()));
      cells.add(line);
    }
    int[] widths = widths(cells);
    for (int r = 0; r < cells.size(); r++) {
      List<String> line = cells.get(r);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < line.size(); c++) {
        String cell = line.get(c);
        String colour = r == 0 ? Ansi.BOLD : cellColour(cell);
        text.append(colour == null ? cell : Ansi.paint(cell, colour, color));
        if (c < line.size() - 1) {
          text.append(" ".repeat(widths[c] - cell.length() + 2));
        }
      }
      out.append(text).append('\n');
    }
  }

  /** Rows of plain cells joined into aligned lines, two spaces apart. */
  private static List<String> aligned(List<List<String>> rows) {
    int[] widths = widths(rows);
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(row.get(c));
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - row.get(c).length() + 2));
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static int[] widths(List<List<String>> rows) {
    int[] widths = new int[rows.isEmpty() ? 0 : rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    return widths;
  }

  private static String cellColour(String cell) {
    return switch (cell) {
      case FindingText.YES -> Ansi.GREEN;
      case FindingText.NO -> Ansi.DIM;
      default -> null;
    };
  }

  private static String kindColour(Finding.Kind kind) {
    if (!kind.isDifference()) return Ansi.CYAN;
    return kind == Finding.Kind.SAME_SECRET || kind == Finding.Kind.MUST_MATCH
        ? Ansi.RED
        : Ansi.YELLOW;
  }
}
