package envshift.repo;

import envshift.manifest.Environment;
import envshift.settings.EncryptedNames;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses which environment a settings file belongs to from the token that sets it apart from its
 * base name ({@code settings_deployment.staging.py}, {@code settings_local_sahel.py}, {@code
 * configs/heroku-prod/.env}). Environment names are never listed here: legacy repos used CodeDeploy
 * group names such as {@code illinoisanswers}, {@code sahel} or {@code importer}.
 */
public final class EnvironmentGuesser {
  static final String DEVELOPMENT = Environment.DEVELOPMENT;

  /** Extensions and leftovers that a dotted name part can be without naming an environment. */
  private static final Set<String> NOT_ENVIRONMENTS =
      words(
          "py env conf cfg json yml yaml ini toml txt nginx supervisor sh bak old orig settings"
              + " setting config deployment secrets app");

  /** Words of base names (settings_deployment, local_settings, app_config, client_secrets). */
  private static final Set<String> BASE_WORDS =
      words(
          "settings setting local deployment deploy config conf app secrets secret env"
              + " credentials");

  /** A settings base name contains one of these, so that {@code app_start.sh} names no env. */
  private static final Set<String> SETTINGS_WORDS =
      words("settings setting local deployment config secrets");

  private static final Set<String> TEMPLATE_WORDS = words("example sample template");
  private static final Set<String> DEVELOPMENT_WORDS = words("dev develop development local");

  /** Parents of one-directory-per-environment layouts such as {@code configs/<env>/.env}. */
  private static final Set<String> CONFIG_DIRS =
      words("configs config conf deploy deployment environments envs");

  private EnvironmentGuesser() {}

  /**
   * The environment a repo-relative path names, lower-cased, with dev/develop/local normalised to
   * {@code development}; templates ({@code *.example.py}, {@code .env.example}) are development.
   * Empty when the name does not tell ({@code app_config.py}, {@code configs/.env}).
   */
  public static Optional<String> guess(String repoRelativePath) {
    String path = repoRelativePath.replace('\\', '/');
    String name = EncryptedNames.plainName(baseName(path)).toLowerCase(Locale.ROOT);
    if (isTemplate(path)) {
      return Optional.of(DEVELOPMENT);
    }
    List<String> parts = List.of(stripLeadingDots(name).split("\\.", -1));
    return fromDottedParts(parts)
        .or(() -> fromConfigSuffix(parts.get(0)))
        .or(() -> fromUnderscoreSuffix(parts.get(0)))
        .or(() -> fromDirectory(path))
        .map(EnvironmentGuesser::normalise);
  }

  /** {@code settings_deployment.staging.py}, {@code local_settings.py.staging}, .env.staging. */
  private static Optional<String> fromDottedParts(List<String> parts) {
    return parts.stream()
        .skip(1)
        .filter(part -> !part.isEmpty() && !NOT_ENVIRONMENTS.contains(part))
        .findFirst();
  }

  /** {@code staging-config.conf}, {@code heroku-prod-config.conf}. */
  private static Optional<String> fromConfigSuffix(String base) {
    String suffix = "-config";
    if (base.endsWith(suffix) && base.length() > suffix.length()) {
      return Optional.of(base.substring(0, base.length() - suffix.length()));
    }
    return Optional.empty();
  }

  /** {@code settings_deployment_production}, {@code settings_local_dev}. */
  private static Optional<String> fromUnderscoreSuffix(String base) {
    String[] words = base.split("_");
    if (words.length < 2) {
      return Optional.empty();
    }
    String last = words[words.length - 1];
    boolean settingsBase =
        Arrays.stream(words, 0, words.length - 1).anyMatch(SETTINGS_WORDS::contains);
    if (settingsBase && !last.isEmpty() && !BASE_WORDS.contains(last)) {
      return Optional.of(last);
    }
    return Optional.empty();
  }

  /** {@code configs/heroku-prod/.env}: the directory names the environment. */
  private static Optional<String> fromDirectory(String path) {
    String[] segments = path.toLowerCase(Locale.ROOT).split("/");
    if (segments.length < 3) {
      return Optional.empty();
    }
    String parent = segments[segments.length - 2];
    String grandParent = segments[segments.length - 3];
    if (CONFIG_DIRS.contains(grandParent) && !CONFIG_DIRS.contains(parent)) {
      return Optional.of(parent);
    }
    return Optional.empty();
  }

  /** A committed template with dummy values: {@code *.example.py}, {@code .env.example}. */
  static boolean isTemplate(String path) {
    String name = baseName(path.replace('\\', '/')).toLowerCase(Locale.ROOT);
    return Arrays.stream(name.split("[._-]")).anyMatch(TEMPLATE_WORDS::contains);
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String normalise(String environment) {
    return DEVELOPMENT_WORDS.contains(environment) ? DEVELOPMENT : environment;
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.split(" "));
  }

  private static String stripLeadingDots(String name) {
    int i = 0;
    while (i < name.length() - 1 && name.charAt(i) == '.') {
      i++;
    }
    return name.substring(i);
  }
}
