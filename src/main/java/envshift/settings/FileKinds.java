package envshift.settings;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides what kind of file a legacy repo's file is: the one rule set, by name for a repo scan
 * (the content is encrypted), by name and content once a file is read. The name decides first
 * (after dropping the encryption suffix): infrastructure names are never parsed, and settings
 * names pick their parser; content decides for the ambiguous {@code .cfg}/{@code .conf} names and
 * for unknown names, and turns a script with a settings name into infrastructure.
 */
final class FileKinds {
  private static final Set<String> INFRA_NAMES =
      Set.of("redis.conf", "appspec.yml", "appspec.yaml", "makefile", "locustfile.py");
  private static final Set<String> DOTENV_NAMES = Set.of(".env", "env", "deployment.cfg");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("\\s*(export\\s+)?[A-Za-z_][A-Za-z0-9_.]*\\s*=.*");
  private static final Pattern INI_SECTION = Pattern.compile("(?m)^\\s*\\[[^\\]\\n]+\\]\\s*$");
  private static final Pattern NGINX =
      Pattern.compile("(?m)^\\s*(server|upstream|location|http|events)\\b[^\\n]*\\{");
  private static final Pattern SUPERVISOR = Pattern.compile("(?m)^\\s*\\[(program:|supervisord)");
  private static final Pattern CRON_LINE = Pattern.compile(
      "\\s*(@(reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)|([0-9*/,-]+\\s+){4}"
          + "[0-9A-Za-z*/,-]+)\\s+\\S.*");

  private FileKinds() {}

  /** By name alone (a bare name or a repo-relative path; a path tells {@code scripts/*.py}). */
  static SettingsFormat byName(String fileName) {
    String path = fileName.replace('\\', '/');
    String name = EncryptedNames.plainName(baseName(path)).toLowerCase(Locale.ROOT);
    if (isInfrastructure(path, name)) {
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
    if (DOTENV_NAMES.contains(name) || name.startsWith(".env.") || ext.equals("env")
        || name.endsWith("-config.conf")) {
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

  static SettingsFormat detect(String fileName, String text) {
    SettingsFormat named = byName(fileName);
    if (named == SettingsFormat.NOT_SETTINGS) {
      return named;
    }
    boolean dotenvName = named == SettingsFormat.DOTENV;
    if (text.startsWith("#!") && !(dotenvName && looksLikeAssignments(text))) {
      return SettingsFormat.NOT_SETTINGS;
    }
    if (dotenvName) {
      return INI_SECTION.matcher(text).find() ? SettingsFormat.INI : SettingsFormat.DOTENV;
    }
    if (named != SettingsFormat.UNKNOWN) {
      return named;
    }
    String name = EncryptedNames.plainName(baseName(fileName)).toLowerCase(Locale.ROOT);
    return byContent(text, name.endsWith(".cfg") || name.endsWith(".conf"));
  }

  private static SettingsFormat byContent(String text, boolean configName) {
    if (NGINX.matcher(text).find() || SUPERVISOR.matcher(text).find() || looksLikeCrontab(text)) {
      return SettingsFormat.NOT_SETTINGS;
    }
    if (configName && INI_SECTION.matcher(text).find()) {
      return SettingsFormat.INI;
    }
    if (configName && looksLikeAssignments(text)) {
      return SettingsFormat.DOTENV;
    }
    return SettingsFormat.UNKNOWN;
  }

  /** The last path segment, either separator. */
  static String baseName(String path) {
    return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  }

  /**
   * nginx, supervisor, cron, deploy scripts and tools' own files. A structured name (.py, .json,
   * .yml) that merely mentions nginx or supervisor is settings; one the tools own by name is not.
   */
  private static boolean isInfrastructure(String path, String name) {
    if (INFRA_NAMES.contains(name)
        || name.endsWith(".sh") || name.endsWith(".bash")
        || name.endsWith("crontasks") || name.endsWith(".cron") || name.contains("crontab")
        || name.startsWith("redis") && name.endsWith(".conf")) {
      return true;
    }
    if (name.endsWith(".py") && (path.startsWith("scripts/") || path.contains("/scripts/"))) {
      return true; // deploy hooks and load tests, not settings
    }
    boolean structured = name.endsWith(".py") || name.endsWith(".json") || name.endsWith(".yml")
        || name.endsWith(".yaml");
    // *.nginx, nginxsite.conf, *.conf.supervisor, supervisord.conf, ...
    return !structured && (name.contains("nginx") || name.contains("supervisor"));
  }

  /** Every significant line is {@code [export ]KEY=value}, and there is at least one. */
  private static boolean looksLikeAssignments(String text) {
    boolean any = false;
    boolean inQuotes = false;
    for (String line : text.split("\r?\n")) {
      String s = line.strip();
      if (inQuotes || s.isEmpty() || s.startsWith("#")) {
        inQuotes ^= count(line, '"') % 2 == 1;
        continue;
      }
      if (!ASSIGNMENT.matcher(line).matches()) {
        return false;
      }
      inQuotes = count(line, '"') % 2 == 1;
      any = true;
    }
    return any;
  }

  private static boolean looksLikeCrontab(String text) {
    boolean any = false;
    for (String line : text.split("\r?\n")) {
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#") || ASSIGNMENT.matcher(line).matches()) {
        continue;
      }
      if (!CRON_LINE.matcher(line).matches()) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(ch -> ch == c).count();
  }
}
