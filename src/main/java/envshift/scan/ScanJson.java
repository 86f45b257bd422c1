package envshift.scan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.plan.Json;

/**
 * {@code scan --json}, a stable contract (docs/user-guide.md): one compact line, keys in this
 * order: {@code {"history", "values_searched", "skipped_blobs", "findings": [{"kind", "path",
 * "environment", "variable", "in_tree", "first_commit", "last_commit", "live"}], "notes"}}. A
 * twin's environment and variable are null and its live is "n/a"; commits are null without
 * {@code --history} or for a file tracked but never committed.
 */
public final class ScanJson {
  private ScanJson() {}

  public static String render(ScanReport report) {
    ObjectNode root = Json.object();
    root.put("history", report.history());
    root.put("values_searched", report.valuesSearched());
    root.put("skipped_blobs", report.skippedBlobs());
    ArrayNode findings = root.putArray("findings");
    for (Leak leak : report.leaks()) {
      ObjectNode f = findings.addObject();
      f.put("kind", leak.kind().label());
      f.put("path", leak.path());
      Json.put(f, "environment", leak.environment());
      Json.put(f, "variable", leak.variable());
      f.put("in_tree", leak.inTree());
      Json.put(f, "first_commit", leak.firstCommit());
      Json.put(f, "last_commit", leak.lastCommit());
      f.put("live", leak.live().label());
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    return Json.write(root);
  }
}
