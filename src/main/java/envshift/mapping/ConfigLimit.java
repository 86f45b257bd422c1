package envshift.mapping;

import envshift.Origin;
import envshift.Secret;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Heroku refuses config data (all names and values together) over 32 kB per app. Checking before
 * the PATCH turns a 422 halfway through a migration into an error that names the biggest vars.
 */
public final class ConfigLimit {
  /** Heroku's documented limit: 32 kB of names plus values, counted in UTF-8 bytes. */
  public static final int MAX_BYTES = 32 * 1024;

  private static final int LARGEST_SHOWN = 3;

  private ConfigLimit() {}

  /**
   * What an app will hold once a plan is applied ({@code after}: the live vars kept plus the new
   * ones): over the limit is a MappingException naming the app, the total and the largest vars.
   */
  public static void checkAfterApply(String app, Map<String, Secret> after) {
    List<EnvVar> vars = after.entrySet().stream()
        .map(e -> new EnvVar(e.getKey(), e.getValue(), Origin.of(app)))
        .toList();
    int total = vars.stream().mapToInt(EnvSet::bytes).sum();
    if (total <= MAX_BYTES) return;
    throw new MappingException("app " + app + " would hold " + total + " bytes of config vars "
        + "after apply (live vars kept plus the new ones), over Heroku's limit of " + MAX_BYTES
        + " bytes per app; largest: " + largest(vars));
  }

  private static String largest(List<EnvVar> vars) {
    return vars.stream()
        .sorted(Comparator.comparingInt(EnvSet::bytes).reversed().thenComparing(EnvVar::name))
        .limit(LARGEST_SHOWN)
        .map(v -> v.name() + " (" + EnvSet.bytes(v) + " bytes)")
        .collect(Collectors.joining(", "));
  }

  /** Throws a MappingException naming {@code envName}, the total and the largest vars. */
  public static void check(String envName, EnvSet vars) {
    int total = vars.configBytes();
    if (total <= MAX_BYTES) return;
    List<EnvVar> largest =
        vars.vars().values().stream()
            .sorted(Comparator.comparingInt(EnvSet::bytes).reversed()
                .thenComparing(EnvVar::name))
            .limit(LARGEST_SHOWN)
            .toList();
    String names =
        largest.stream()
            .map(v -> v.name() + " (" + EnvSet.bytes(v) + " bytes)")
            .collect(Collectors.joining(", "));
    throw new MappingException(
        "environment "
            + envName
            + ": config vars take "
            + total
            + " bytes, over Heroku's limit of "
            + MAX_BYTES
            + " bytes per app; largest: "
            + names);
  }
}
