package envshift.rotate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.plan.Json;
import java.util.List;

/**
 * {@code cleanup --json}, a stable contract (docs/json.md):
 *
 * <pre>{"verified":B,"removed":B,"live":[{"env":..,"app":..,"unchanged":N,"addon_owned":N,
 * "rotated":N}],"refused":[{"env":..,"name":..,"why":..}],"files":[..],"blackbox_list":..,
 * "blackbox_entries":[..],"gitignore_lines":[..],"left_for_human":[..],"kept":[..],
 * "changes":[..]}</pre>
 *
 * <p>{@code files} and the blackbox/gitignore fields are what cleanup removes (or would, when
 * {@code removed} is false: refused, cancelled or nothing to do); {@code refused} lists the
 * variables not verified live, which refuse the cleanup; {@code changes} is one line per change
 * made. Paths are repo-relative. Names only, never a value.
 */
public final class CleanupJson {
  private CleanupJson() {}

  public static String render(Cleanup.Verification verification, List<String> changes) {
    CleanupPlan plan = verification.plan();
    ObjectNode root = Json.object();
    root.put("verified", verification.verified());
    root.put("removed", !changes.isEmpty());
    ArrayNode live = root.putArray("live");
    for (Cleanup.Live l : verification.live()) {
      live.addObject().put("env", l.env()).put("app", l.app()).put("unchanged", l.unchanged())
          .put("addon_owned", l.addonOwned()).put("rotated", l.rotated());
    }
    ArrayNode refused = root.putArray("refused");
    for (Unverified u : verification.unverified()) {
      refused.addObject().put("env", u.env()).put("name", u.name()).put("why", u.why());
    }
    root.set("files", Json.strings(plan.files()));
    Json.put(root, "blackbox_list", plan.blackboxList());
    root.set("blackbox_entries", Json.strings(plan.blackboxEntries()));
    root.set("gitignore_lines", Json.strings(plan.gitignoreLines()));
    root.set("left_for_human", Json.strings(plan.leftForHuman()));
    root.set("kept", Json.strings(plan.kept()));
    root.set("changes", Json.strings(changes));
    return Json.write(root);
  }
}
