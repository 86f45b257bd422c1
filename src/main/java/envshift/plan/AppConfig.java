package envshift.plan;

import envshift.Secret;
import java.util.Map;
import java.util.Objects;

/**
 * One app's live config, as drift sees it. {@code label} names the column (an environment or a
 * pipeline stage) and must be unique within one analysis; {@code addonOwned} maps var → add-on.
 */
public record AppConfig(
    String label, String app, Map<String, Secret> vars, Map<String, String> addonOwned) {
  public AppConfig {
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(app, "app == null");
    vars = Map.copyOf(Objects.requireNonNull(vars, "vars == null"));
    addonOwned = Map.copyOf(Objects.requireNonNull(addonOwned, "addonOwned == null"));
  }
}
