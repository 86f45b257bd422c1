package envshift.access;

import envshift.access.AccessReport.FileAccess;
import envshift.access.AccessReport.Report;
import envshift.access.AccessReport.Version;
import envshift.plan.Shown;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The access report for people: one block per file, names only, never a value; file names, user
 * ids and variable names come from others' data, so control characters are made visible.
 */
public final class AccessText {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private AccessText() {}

  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    report.key().ifPresent(k -> out.append(Shown.visible(k)).append(" could read ")
        .append(report.files().size()).append(" file(s); rotate these variables:\n"));
    for (FileAccess file : report.files()) {
      out.append(Shown.visible(file.path()));
      if (file.symmetric()) out.append("  (also readable with its passphrase)");
      if (report.key().isPresent() && !file.readableNow()) out.append(lostAccess(file));
      out.append('\n');
      file.recipients()
          .forEach(r -> out.append("  ").append(Shown.visible(r.describe())).append('\n'));
      if (report.key().isEmpty()) continue;
      out.append(file.variablesUnknown()
          .map(why -> "  variables unknown (" + Shown.visible(why) + ")")
          .orElse("  variables: "
              + Shown.visible(String.join(", ", file.variables())))).append('\n');
      if (!file.readableNow()) {
        out.append(file.unchangedUnknown()
            .map(why -> "  unchanged since unknown (" + Shown.visible(why)
                + ")")
            .orElse("  unchanged since it lost access: "
                + (file.unchanged().isEmpty() ? "none"
                    : Shown.visible(String.join(", ", file.unchanged())))))
            .append('\n');
      }
    }
    return out.toString();
  }

  /** {@code  (deleted; last readable in 0123456789ab of 2024-05-01)}. */
  private static String lostAccess(FileAccess file) {
    Version last = file.versions().get(file.versions().size() - 1);
    String where = last.commit().map(c -> " in " + c.substring(0, 12)).orElse("")
        + last.date().map(d -> " of " + DAY.format(d)).orElse("");
    return "  (" + (file.present() ? "rekeyed" : "deleted") + "; last readable" + where + ")";
  }
}
