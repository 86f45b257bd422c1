package envshift.settings;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides what kind of file a legacy repo's encrypted file is. The name decides first (after
 * dropping the encryption suffix): infrastructure names are never parsed, and settings names pick
 * their parser; content decides for the ambiguous {@code .cfg}/{@code .conf} names and for unknown
 * names.
 */
final class FileKinds {
  private static final Pattern PYTHON_NAME = Pattern.compile(".*\\.py(\\.[a-z0-9_-]+)?");
  private static final Pattern DOTENV_NAME =
      Pattern.compile("\\.env(\\..+)?|.+\\.env|env|.+-config\\.conf");
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

  static SettingsFormat detect(String fileName, String text) {
    String name = baseName(fileName);
    if (isInfrastructureName(name)) {
      return SettingsFormat.NOT_SETTINGS;
    }
    boolean dotenvName = DOTENV_NAME.matcher(name).matches();
    if (text.startsWith("#!") && !(dotenvName && looksLikeAssignments(text))) {
      return SettingsFormat.NOT_SETTINGS;
    }
    if (PYTHON_NAME.matcher(name).matches()) {
      return SettingsFormat.PYTHON;
    }
    if (name.endsWith(".json")) {
      return SettingsFormat.JSON;
    }
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      return SettingsFormat.YAML;
    }
    if (name.endsWith(".ini")) {
      return SettingsFormat.INI;
    }
    if (dotenvName) {
      return INI_SECTION.matcher(text).find() ? SettingsFormat.INI : SettingsFormat.DOTENV;
    }
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

  /** The last path segment, lower case, without the encryption suffix. */
  static String baseName(String fileName) {
    String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'))
        + 1).toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gpg", ".asc", ".pgp"}) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  private static boolean isInfrastructureName(String name) {
    boolean structured = name.endsWith(".py") || name.endsWith(".json") || name.endsWith(".yml")
        || name.endsWith(".yaml");
    return name.equals("locustfile.py")
        || name.endsWith(".sh") || name.endsWith(".bash")
        || name.endsWith("-crontasks") || name.endsWith(".cron") || name.contains("crontab")
        || name.startsWith("redis") && name.endsWith(".conf")
        || !structured && (name.contains("nginx") || name.contains("supervisor"));
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
