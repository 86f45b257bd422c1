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
  /** What only Python has: imports, blocks, and values that are dicts, lists or calls of os. */
  private static final Pattern PYTHON_STATEMENT = Pattern.compile(
      "(?m)^(import\\s+[\\w.]+|from\\s+[\\w.]+\\s+import\\b|(def|class)\\s+\\w+.*:\\s*$"
          + "|[A-Za-z_]\\w*\\s*=\\s*([{\\[]|os\\.(environ|getenv)))");
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
    if (DOTENV_NAMES.contains(name) || name.startsWith(".env") || name.startsWith("env.")
        || parts.subList(1, parts.size()).contains("env") || name.endsWith("-config.conf")) {
      return SettingsFormat.DOTENV; // .env_SAMPLE, settings.env.template, env.example too
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
    // A #! line makes a file of unknown name a script; in a .py file it is a comment, and a
    // dotenv-named file is judged by its lines: the name is a hint, the content decides.
    boolean script = text.startsWith("#!") && named != SettingsFormat.PYTHON
        && !(dotenvName && looksLikeAssignments(text));
    if (script) {
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

  /**
   * An unknown name ({@code secrets.txt}, {@code app.conf}, {@code settings}) read by what it
   * holds: infrastructure first, then INI sections (config names only), Python, JSON, and lines
   * that are mostly {@code KEY=value} (a stray {@code source x.sh} among them is skipped later,
   * with a warning).
   */
  private static SettingsFormat byContent(String text, boolean configName) {
    if (NGINX.matcher(text).find() || SUPERVISOR.matcher(text).find() || looksLikeCrontab(text)) {
      return SettingsFormat.NOT_SETTINGS;
    }
    if (configName && INI_SECTION.matcher(text).find()) {
      return SettingsFormat.INI;
    }
    if (PYTHON_STATEMENT.matcher(text).find()) {
      return SettingsFormat.PYTHON;
    }
    if (text.strip().startsWith("{") && text.strip().endsWith("}")) {
      return SettingsFormat.JSON;
    }
    if (mostlyAssignments(text)) {
      return SettingsFormat.DOTENV;
    }
    return SettingsFormat.UNKNOWN;
  }

  /** At least one {@code KEY=value} line, and at most one other line for every four of them. */
  private static boolean mostlyAssignments(String text) {
    int[] counted = assignmentsAndOthers(text);
    return counted[0] > 0 && counted[1] * 4 <= counted[0];
  }

  /**
   * The significant lines of a dotenv-shaped text: {@code [export ]KEY=value} lines and other
   * lines, skipping blanks, comments and the continuation lines of a multi-line quoted value.
   */
  private static int[] assignmentsAndOthers(String text) {
    int assignments = 0;
    int others = 0;
    boolean inQuotes = false;
    for (String line : text.split("\r?\n")) {
      String s = line.strip();
      if (inQuotes || s.isEmpty() || s.startsWith("#")) {
        inQuotes ^= count(line, '"') % 2 == 1;
        continue;
      }
      if (ASSIGNMENT.matcher(line).matches()) {
        assignments++;
        inQuotes = count(line, '"') % 2 == 1;
      } else {
        others++;
      }
    }
    return new int[] {assignments, others};
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
    int[] counted = assignmentsAndOthers(text);
    return counted[0] > 0 && counted[1] == 0;
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
