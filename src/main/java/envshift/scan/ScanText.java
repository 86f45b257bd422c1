package envshift.scan;

import envshift.plan.Shown;

/**
 * {@code scan}'s text output: one line per finding (names and paths with control characters made
 * visible), then a summary. Commits are shortened to 12 hex digits.
 */
public final class ScanText {
  private ScanText() {}

  public static String render(ScanReport report) {
    StringBuilder out = new StringBuilder();
    for (Leak leak : report.leaks()) {
      out.append(Shown.visible(leak.path())).append(": ");
      if (leak.kind() == Leak.Kind.TWIN) {
        out.append("plaintext twin of an encrypted file");
      } else {
        out.append("value of ").append(Shown.visible(leak.variable().orElse("")))
            .append(" (").append(Shown.visible(leak.environment().orElse(""))).append(")")
            .append(", live: ").append(leak.live().label());
      }
      out.append(where(leak)).append('\n');
    }
    report.notes().forEach(n -> out.append("note: ").append(n).append('\n'));
    if (report.skippedBlobs() > 0) {
      out.append("note: ").append(report.skippedBlobs())
          .append(" file version(s) over 16 MiB not read\n");
    }
    long values = report.leaks().stream().filter(l -> l.kind() == Leak.Kind.VALUE).count();
    long rotate = report.leaks().stream()
        .filter(l -> l.kind() == Leak.Kind.VALUE && l.live() != Leak.Live.NO)
        .map(l -> l.environment() + "\0" + l.variable()).distinct().count();
    out.append(String.format("%d finding(s) (%d twin(s), %d value(s)) in %s; %d secret value(s) "
            + "searched; %d variable(s) to rotate (live or unknown)%n",
        report.leaks().size(), report.leaks().size() - values, values,
        report.history() ? "the tree and all history" : "the tracked files",
        report.valuesSearched(), rotate));
    return out.toString();
  }

  private static String short12(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  private static String where(Leak leak) {
    StringBuilder w = new StringBuilder();
    if (leak.inTree()) w.append("tracked now");
    if (leak.firstCommit().isPresent()) {
      if (w.length() > 0) w.append("; ");
      String first = short12(leak.firstCommit().get());
      String last = short12(leak.lastCommit().orElse(leak.firstCommit().get()));
      w.append("commits ").append(first).append(first.equals(last) ? "" : ".." + last);
    }
    return w.length() == 0 ? "" : " [" + w + "]";
  }
}
