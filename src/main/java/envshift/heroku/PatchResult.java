package envshift.heroku;

import envshift.Secret;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a config-vars PATCH. {@code config} is the whole config after the change, as the
 * PATCH returned it (or as re-read when the PATCH's own answer was lost or unreadable), so callers
 * can verify it. {@code recoveredAfterAmbiguousFailure} is true when the answer was lost or
 * unreadable but re-reading showed the change applied, so it was not sent again; {@code note} then
 * says so in one line without values.
 */
public record PatchResult(Map<String, Secret> config, boolean recoveredAfterAmbiguousFailure,
    Optional<String> note) {
  public PatchResult {
    Objects.requireNonNull(config, "config == null");
    Objects.requireNonNull(note, "note == null");
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }

  public PatchResult(Map<String, Secret> config, boolean recoveredAfterAmbiguousFailure) {
    this(config, recoveredAfterAmbiguousFailure, Optional.empty());
  }
}
