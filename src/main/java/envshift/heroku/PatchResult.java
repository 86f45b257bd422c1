package envshift.heroku;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a config-vars PATCH. {@code config} is the whole config after the change, as the
 * PATCH returned it (or as re-read when the PATCH's own response was lost), so callers can verify
 * it. {@code recoveredAfterAmbiguousFailure} is true when the PATCH's response was lost but
 * re-reading showed the change already applied, so it was not sent again.
 */
public record PatchResult(Map<String, Secret> config, boolean recoveredAfterAmbiguousFailure) {
  public PatchResult {
    Objects.requireNonNull(config, "config == null");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }
}
