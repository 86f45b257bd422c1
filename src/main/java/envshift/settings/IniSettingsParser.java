package envshift.settings;

import envshift.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an INI file the way Python's configparser does without interpolation: {@code [section]}
 * headers, {@code key = value} or {@code key: value}, full-line {@code ;} and {@code #} comments,
 * and indented continuation lines. {@code [section] key} becomes the setting {@code SECTION_KEY}
 * (upper case, characters outside {@code [A-Za-z0-9_]} as {@code _}); keys under {@code [DEFAULT]}
 * keep their own name. Values are strings, kept as written.
 */
public final class IniSettingsParser {
  private final String file;
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final List<ParseWarning> warnings = new ArrayList<>();
  private String section;
  private String key;
  private int keyIndent;
  private StringBuilder value;
  private int pendingBlankLines;

  private IniSettingsParser(String file) {
    this.file = file;
  }

  public static SettingsModule parse(String text, String fileName) {
    String source = JsonSettingsParser.strip(text).replace("\r\n", "\n").replace('\r', '\n');
    IniSettingsParser p = new IniSettingsParser(fileName);
    String[] lines = source.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      p.line(lines[i], i + 1);
    }
    p.finish();
    return new SettingsModule(fileName, SettingsFormat.INI, List.copyOf(p.settings.values()),
        p.warnings);
  }

  private void line(String raw, int number) {
    String stripped = raw.strip();
    if (stripped.isEmpty()) {
      pendingBlankLines += key == null ? 0 : 1;
      return;
    }
    int indent = raw.length() - raw.stripLeading().length();
    if (stripped.startsWith("#") || stripped.startsWith(";")) {
      return;
    }
    if (key != null && indent > keyIndent) {
      value.append("\n".repeat(pendingBlankLines)).append('\n').append(stripped);
      pendingBlankLines = 0;
      return;
    }
    finish();
    if (stripped.startsWith("[") && stripped.endsWith("]") && stripped.length() > 2) {
      section = stripped.substring(1, stripped.length() - 1);
      return;
    }
    option(stripped, indent, number);
  }

  private void option(String stripped, int indent, int number) {
    int eq = stripped.indexOf('=');
    int colon = stripped.indexOf(':');
    int at = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
    if (at <= 0) {
      throw SettingsException.at(file, number, at == 0 ? "missing key name"
          : "expected '[section]' or 'key = value'");
    }
    if (section == null) {
      throw SettingsException.at(file, number, "a key outside any [section]");
    }
    String name = settingName(stripped.substring(0, at).strip());
    Origin origin = new Origin(file, number);
    Setting earlier = settings.get(name);
    if (earlier != null) {
      warnings.add(new ParseWarning(origin, name + ": defined again (first at line "
          + earlier.origin().line() + "): the last value wins"));
    }
    settings.put(name, new Setting(name, new SettingValue.Str(""), origin));
    key = name;
    keyIndent = indent;
    value = new StringBuilder(stripped.substring(at + 1).strip());
  }

  private String settingName(String option) {
    String name = section.equals("DEFAULT") ? option : section + "_" + option;
    return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Za-z0-9_]", "_");
  }

  private void finish() {
    if (key != null) {
      Setting s = settings.get(key);
      String v = value.toString();
      settings.put(key, new Setting(key, new SettingValue.Str(v), s.origin()));
      if (v.contains("%(")) {
        warnings.add(new ParseWarning(s.origin(),
            key + ": contains %(...)s interpolation: kept as written"));
      }
    }
    key = null;
    pendingBlankLines = 0;
  }
}
