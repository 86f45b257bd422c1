package envshift.plan;

import java.util.List;
import java.util.Objects;

/**
 * What drift treats specially. {@code secretPatterns}: globs (case-insensitive) for names whose
 * equal values across apps are a finding. {@code same}: names (globs, case-sensitive like Heroku's
 * names) whose values must be equal everywhere. {@code envSpecific}: names (globs) allowed to exist
 * in some environments only.
 */
public record DriftRules(List<String> secretPatterns, List<String> same, List<String> envSpecific) {
  public static final DriftRules DEFAULTS =
      new DriftRules(
          List.of("*KEY*", "*SECRET*", "*PASSWORD*", "*TOKEN*", "*PASS*", "*DSN*"),
          List.of(),
          List.of());

  public DriftRules {
    secretPatterns = List.copyOf(Objects.requireNonNull(secretPatterns, "secretPatterns == null"));
    same = List.copyOf(Objects.requireNonNull(same, "same == null"));
    envSpecific = List.copyOf(Objects.requireNonNull(envSpecific, "envSpecific == null"));
  }

  /** These rules with the default secret patterns plus the given names. */
  public static DriftRules defaultsWith(List<String> same, List<String> envSpecific) {
    return new DriftRules(DEFAULTS.secretPatterns(), same, envSpecific);
  }

  public boolean looksSecret(String name) {
    return Glob.any(secretPatterns, name, true);
  }

  boolean mustMatch(String name) {
    return Glob.any(same, name, false);
  }

  boolean envSpecific(String name) {
    return Glob.any(envSpecific, name, false);
  }
}
