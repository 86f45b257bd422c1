package envshift.manifest;

import envshift.EnvshiftException;
import envshift.mapping.MappingRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The validated {@code envshift.yml}: which settings files make up each environment, where each
 * environment's vars go, and the renames, drops and drift rules shared by all of them. An empty
 * {@code recipients} means "the recipients of the legacy encrypted files".
 */
public record Manifest(
    int version,
    List<String> recipients,
    List<Environment> environments,
    MappingRules rules,
    List<String> secretPatterns,
    List<String> same,
    List<String> envSpecific,
    String file) {
  /** The names drift treats as secrets when the manifest has no {@code secrets:} key. */
  public static final List<String> DEFAULT_SECRET_PATTERNS =
      List.of("*KEY*", "*SECRET*", "*PASSWORD*", "*TOKEN*", "*PASS*", "*DSN*");

  public Manifest {
    recipients = List.copyOf(recipients);
    environments = List.copyOf(environments);
    Objects.requireNonNull(rules, "rules == null");
    secretPatterns = List.copyOf(secretPatterns);
    same = List.copyOf(same);
    envSpecific = List.copyOf(envSpecific);
    Objects.requireNonNull(file, "file == null");
  }

  /** The environment called {@code name}; if none, a usage error (exit 64) listing the names. */
  public Environment environment(String name) {
    return environments.stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                EnvshiftException.usage(
                    "unknown environment '"
                        + name
                        + "' (known in "
                        + file
                        + ": "
                        + environments.stream()
                            .map(Environment::name)
                            .collect(Collectors.joining(", "))
                        + ")"));
  }

  /** Checks the raw file against the rules and the repository, and builds the manifest. */
  static Manifest validate(ManifestFile raw, String file, Path repoRoot) {
    return new ManifestValidator(file, repoRoot).validate(raw);
  }
}
