package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Checks the config Heroku returned after a PATCH against what the PATCH sent. */
public final class Verification {
  private Verification() {}

  /**
   * The names, sorted, whose resulting value is not the one sent, that are missing although a value
   * was sent, or that still exist although a delete was sent. Empty means the PATCH fully took.
   */
  public static List<String> mismatches(
      Map<String, Optional<Secret>> patch, Map<String, Secret> resultingConfig) {
    Objects.requireNonNull(patch, "patch == null");
    Objects.requireNonNull(resultingConfig, "resultingConfig == null");
    List<String> wrong = new ArrayList<>();
    new TreeMap<>(patch).forEach((name, sent) -> {
      Secret now = resultingConfig.get(name);
      boolean ok = sent.isPresent() ? now != null && now.sameAs(sent.get()) : now == null;
      if (!ok) {
        wrong.add(name);
      }
    });
    return List.copyOf(wrong);
  }
}
