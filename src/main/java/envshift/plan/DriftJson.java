package envshift.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The machine rendering of a {@link DriftReport}, exactly:
 *
 * <pre>{"environments":[..],"findings":[{"name":..,"kind":..,"envs":[..]}],
 * "addon_owned":[{"name":..,"addon":..,"envs":[..]}]}</pre>
 *
 * <p>Kinds are {@link Finding.Kind#label()}. Names and environments only: never a value nor
 * anything computed from one. One line, no trailing newline.
 */
public final class DriftJson {
  private DriftJson() {}

  public static String render(DriftReport report) {
    ObjectNode root = Json.object();
    root.set("environments", Json.strings(report.environments()));
    ArrayNode findings = root.putArray("findings");
    for (Finding f : report.findings()) {
      ObjectNode node = findings.addObject();
      node.put("name", f.name());
      node.put("kind", f.kind().label());
      node.set("envs", Json.strings(f.envs()));
    }
    ArrayNode owned = root.putArray("addon_owned");
    for (DriftReport.AddonVar a : report.addonOwned()) {
      ObjectNode node = owned.addObject();
      node.put("name", a.name());
      node.put("addon", a.addon());
      node.set("envs", Json.strings(a.envs()));
    }
    return Json.write(root);
  }
}
