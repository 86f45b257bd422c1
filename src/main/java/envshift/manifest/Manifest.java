package envshift.manifest;

import envshift.EnvshiftException;
import envshift.mapping.MappingRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

  /**
   * The one environment selector of every command: the environments named (each taken once, in
   * the order first named), or all of them when none is named. With {@code herokuOnly}, only
   * environments with a Heroku target: naming one without is a usage error, and having none at
   * all is an error.
   */
  public List<Environment> select(List<String> names, boolean herokuOnly) {
    if (names.isEmpty()) {
      List<Environment> all =
          environments.stream().filter(e -> !herokuOnly || e.heroku().isPresent()).toList();
      if (herokuOnly && all.isEmpty()) {
        throw new EnvshiftException("no environment in " + file + " has a heroku target");
      }
      return all;
    }
    List<Environment> selected = new ArrayList<>();
    for (String name : new LinkedHashSet<>(names)) {
      Environment env = environment(name);
      if (herokuOnly && env.heroku().isEmpty()) {
        throw EnvshiftException.usage(
            "environment " + name + " has no heroku target in " + file);
      }
      selected.add(env);
    }
    return List.copyOf(selected);
  }

  /** Checks the raw file against the rules and the repository, and builds the manifest. */
  static Manifest validate(ManifestFile raw, String file, Path repoRoot) {
    return new ManifestValidator(file, repoRoot).validate(raw);
  }
}
