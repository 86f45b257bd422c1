package envshift.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.Secret;
import java.util.List;
import java.util.Optional;

/**
 * The machine rendering of a {@link Plan}, a stable contract:
 *
 * <pre>{"apps":[{"env":..,"app":..,"changes":[{"name":..,"action":"add|change|remove","old":..,
 * "new":..}],"unchanged":N,"protected":[{"name":..,"addon":..}],"live":[{"name":..,"set":B}],
 * "kept":[..]}],"summary":{"add":N,"change":N,"remove":N},"errors":[{"env":..,"app":..,
 * "error":..}]}</pre>
 *
 * <p>{@code changes} holds what is sent; add-on owned vars are under {@code protected}, vars owned
 * by the app since a rotation (the manifest's {@code live:}) under {@code live}, with
 * {@code set: false} when the app does not hold one.
 *
 * <p>{@code errors} lists the environments whose app could not be read (an app that does not
 * exist, a pipeline stage with no app coupled): they have no entry under {@code apps}, and the
 * command exits 1. Empty when every app was read.
 *
 * <p>Values are masks ({@code "<12 chars>"}) unless {@code reveal}; an absent side is null. One
 * line, no trailing newline.
 */
public final class PlanJson {
  private PlanJson() {}

  public static String render(Plan plan, boolean reveal) {
    return render(plan, List.of(), reveal);
  }

  /** The plan and the apps that could not be read ({@code unreadable}: failed outcomes). */
  public static String render(Plan plan, List<AppOutcome> unreadable, boolean reveal) {
    ObjectNode root = Json.object();
    ArrayNode apps = root.putArray("apps");
    plan.apps().forEach(app -> apps.add(app(app, reveal)));
    ObjectNode summary = root.putObject("summary");
    summary.put("add", plan.count(Action.ADD));
    summary.put("change", plan.count(Action.CHANGE));
    summary.put("remove", plan.count(Action.REMOVE));
    ArrayNode errors = root.putArray("errors");
    for (AppOutcome o : unreadable) {
      errors.addObject().put("env", o.env()).put("app", o.app())
          .put("error", o.why().orElse("failed"));
    }
    return Json.write(root);
  }

  private static ObjectNode app(AppPlan app, boolean reveal) {
    ObjectNode node = Json.object();
    node.put("env", app.env());
    node.put("app", app.app());
    ArrayNode changes = node.putArray("changes");
    for (Change c : app.changes()) {
      if (c.action().isSent()) {
        ObjectNode change = changes.addObject();
        change.put("name", c.name());
        change.put("action", c.action().name().toLowerCase(java.util.Locale.ROOT));
        change.put("old", value(c.oldValue(), reveal));
        change.put("new", value(c.newValue(), reveal));
      }
    }
    node.put("unchanged", app.unchangedCount());
    ArrayNode owned = node.putArray("protected");
    for (Change c : app.changes(Action.PROTECTED)) {
      owned.addObject().put("name", c.name()).put("addon", c.addon().orElseThrow());
    }
    ArrayNode live = node.putArray("live");
    for (Change c : app.changes(Action.LIVE)) {
      live.addObject().put("name", c.name()).put("set", c.oldValue().isPresent());
    }
    node.set("kept", Json.strings(app.changes(Action.KEEP).stream().map(Change::name).toList()));
    return node;
  }

  /** Null when absent (Jackson writes a null String as JSON null). */
  private static String value(Optional<Secret> value, boolean reveal) {
    return value.map(v -> reveal ? v.reveal() : v.mask()).orElse(null);
  }
}
