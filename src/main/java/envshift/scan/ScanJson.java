package envshift.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.EnvshiftException;
import java.util.Optional;

/**
 * {@code scan --json}, a stable contract (docs/user-guide.md): one compact line, keys in this
 * order: {@code {"history", "values_searched", "skipped_blobs", "findings": [{"kind", "path",
 * "environment", "variable", "in_tree", "first_commit", "last_commit", "live"}], "notes"}}. A
 * twin's environment and variable are null and its live is "n/a"; commits are null without
 * {@code --history} or for a file tracked but never committed.
 */
public final class ScanJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ScanJson() {}

  public static String render(ScanReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("history", report.history());
    root.put("values_searched", report.valuesSearched());
    root.put("skipped_blobs", report.skippedBlobs());
    ArrayNode findings = root.putArray("findings");
    for (Leak leak : report.leaks()) {
      ObjectNode f = findings.addObject();
      f.put("kind", leak.kind().label());
      f.put("path", leak.path());
      put(f, "environment", leak.environment());
      put(f, "variable", leak.variable());
      f.put("in_tree", leak.inTree());
      put(f, "first_commit", leak.firstCommit());
      put(f, "last_commit", leak.lastCommit());
      f.put("live", leak.live().label());
    }
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      // a tree of strings and numbers always serialises: a bug, not bad input
      throw new EnvshiftException("cannot write JSON output", e);
    }
  }

  private static void put(ObjectNode node, String key, Optional<String> value) {
    if (value.isPresent()) {
      node.put(key, value.get());
    } else {
      node.putNull(key);
    }
  }
}
