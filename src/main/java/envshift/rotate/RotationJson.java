package envshift.rotate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.plan.Json;
import java.util.List;

/**
 * {@code rotate --json}, a stable contract (docs/json.md):
 *
 * <pre>{"env":..,"app":..,"rotated":[..],"release":N,"release_note":..,"backup":..,
 * "manifest_live":[..],"dev_dotenv":[..]}</pre>
 *
 * <p>{@code manifest_live} lists the names this rotation added under the environment's
 * {@code live:} in envshift.yml (empty when it already listed them); {@code dev_dotenv} is one
 * line per thing done to the development .env ({@code --also-dotenv}). Names only, never a value.
 */
public final class RotationJson {
  private RotationJson() {}

  public static String render(Rotation.Result result) {
    Rotated rotated = result.rotated();
    ObjectNode root = Json.object();
    root.put("env", rotated.env());
    root.put("app", rotated.app());
    root.set("rotated", Json.strings(rotated.names()));
    Json.put(root, "release", rotated.release().version());
    Json.put(root, "release_note", rotated.release().note());
    Json.put(root, "backup", rotated.backup());
    root.set("manifest_live", Json.strings(
        result.manifestChange().isPresent() ? rotated.names() : List.of()));
    root.set("dev_dotenv", Json.strings(result.devDotenv()));
    return Json.write(root);
  }
}
