package envshift.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * {@code apply --json} and {@code restore --json}, a stable contract (docs/json.md):
 *
 * <pre>{"apps":[{"env":..,"app":..,"status":"applied|unchanged|failed|skipped","release":N,
 * "added":[..],"changed":[..],"removed":[..],"backup":..,"note":..}],
 * "summary":{"applied":N,"unchanged":N,"failed":N,"skipped":N}}</pre>
 *
 * <p>The names are the plan's for that app (what was sent, or would have been); an app that
 * could not be read has none. {@code release}, {@code backup} (the encrypted file the replaced
 * config went to) and {@code note} are null when absent. Names only, never a value. One line, no
 * trailing newline.
 */
public final class OutcomeJson {
  private OutcomeJson() {}

  public static String render(Plan plan, List<AppOutcome> outcomes) {
    ObjectNode root = Json.object();
    ArrayNode apps = root.putArray("apps");
    for (AppOutcome o : outcomes) {
      ObjectNode app = apps.addObject();
      app.put("env", o.env());
      app.put("app", o.app());
      app.put("status", o.status().label());
      Json.put(app, "release", o.release());
      List<Change> changes = plan.apps().stream()
          .filter(p -> p.env().equals(o.env()) && p.app().equals(o.app()))
          .flatMap(p -> p.changes().stream()).toList();
      for (Action action : List.of(Action.ADD, Action.CHANGE, Action.REMOVE)) {
        app.set(key(action), Json.strings(changes.stream()
            .filter(c -> c.action() == action).map(Change::name).toList()));
      }
      Json.put(app, "backup", o.backup());
      Json.put(app, "note", o.why());
    }
    ObjectNode summary = root.putObject("summary");
    for (AppOutcome.Status s : AppOutcome.Status.values()) {
      summary.put(s.label(), outcomes.stream().filter(o -> o.status() == s).count());
    }
    return Json.write(root);
  }

  /** {@code added}, {@code changed}, {@code removed}. */
  private static String key(Action action) {
    String verb = action.name().toLowerCase(Locale.ROOT);
    return verb.endsWith("e") ? verb + "d" : verb + "ed";
  }
}
