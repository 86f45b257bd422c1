package envshift.repo;

import envshift.settings.SettingsFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides a file's {@link SettingsFormat} by its name, the way the legacy repos named them. */
public final class FileClassifier {
  private static final List<String> ENCRYPTION_SUFFIXES = List.of(".gpg", ".asc", ".pgp");
  private static final Set<String> INFRA_TOKENS = Set.of("nginx", "supervisor", "supervisord");
  private static final Set<String> INFRA_NAMES =
      Set.of("redis.conf", "appspec.yml", "appspec.yaml", "makefile", "locustfile.py");
  private static final Set<String> DOTENV_NAMES = Set.of(".env", "deployment.cfg");

  private FileClassifier() {}

  /**
   * The format of a file, from its name (a bare name or a repo-relative path; a path lets {@code
   * scripts/*.py} be told apart). Infrastructure rules come first, so that {@code
   * nginx-config.conf} is nginx and {@code appspec.yml} is not YAML settings.
   */
  public static SettingsFormat formatOf(String fileName) {
    String path = fileName.replace('\\', '/');
    String name = plainName(baseName(path)).toLowerCase(Locale.ROOT);
    if (isInfra(path, name)) {
      return SettingsFormat.NOT_SETTINGS;
    }
    List<String> parts = List.of(name.split("\\.", -1));
    String ext = parts.get(parts.size() - 1);
    if (ext.equals("ini")) {
      return SettingsFormat.INI; // alembic.ini and sentry.ini hold DSNs and database URLs
    }
    if (ext.equals("py") || parts.subList(1, parts.size()).contains("py")) {
      return SettingsFormat.PYTHON; // includes local_settings.py.production
    }
    if (isDotenv(name, ext)) {
      return SettingsFormat.DOTENV;
    }
    if (ext.equals("json")) {
      return SettingsFormat.JSON;
    }
    if (ext.equals("yml") || ext.equals("yaml")) {
      return SettingsFormat.YAML;
    }
    return SettingsFormat.UNKNOWN;
  }

  /** The name without one trailing .gpg, .asc or .pgp (any case). */
  static String plainName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : ENCRYPTION_SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static boolean isInfra(String path, String name) {
    if (INFRA_NAMES.contains(name) || name.endsWith(".sh") || name.endsWith("crontasks")) {
      return true;
    }
    if (name.startsWith("crontab") || (name.startsWith("nginx") && name.endsWith(".conf"))) {
      return true;
    }
    if (name.endsWith(".py") && (path.startsWith("scripts/") || path.contains("/scripts/"))) {
      return true; // deploy hooks and load tests, not settings
    }
    for (String token : name.split("[._-]")) {
      if (INFRA_TOKENS.contains(token)) {
        return true; // *.nginx, nginx*.conf, *.conf.nginx, supervisor.staging.conf, ...
      }
    }
    return false;
  }

  private static boolean isDotenv(String name, String ext) {
    return DOTENV_NAMES.contains(name)
        || name.startsWith(".env.")
        || ext.equals("env")
        || name.endsWith("-config.conf");
  }
}
