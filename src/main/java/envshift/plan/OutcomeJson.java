package envshift.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The machine form of the apply summary:
 *
 * <pre>{"apps":[{"env":..,"app":..,"status":"applied|unchanged|failed|skipped","release":42|null,
 * "why":..|null}],"summary":{"applied":N,"unchanged":N,"failed":N,"skipped":N}}</pre>
 *
 * <p>One line, no trailing newline.
 */
public final class OutcomeJson {
  private OutcomeJson() {}

  public static String render(List<AppOutcome> outcomes) {
    ObjectNode root = Json.object();
    ArrayNode apps = root.putArray("apps");
    for (AppOutcome o : outcomes) {
      ObjectNode app = apps.addObject();
      app.put("env", o.env());
      app.put("app", o.app());
      app.put("status", o.status().label());
      app.put("release", o.release().orElse(null));
      app.put("why", o.why().orElse(null));
    }
    ObjectNode summary = root.putObject("summary");
    for (AppOutcome.Status s : AppOutcome.Status.values()) {
      summary.put(s.label(), outcomes.stream().filter(o -> o.status() == s).count());
    }
    return Json.write(root);
  }
}
