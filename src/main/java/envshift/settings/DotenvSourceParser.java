package envshift.settings;

import envshift.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a legacy dotenv or shell-style config file ({@code .env*}, {@code *.env}, {@code
 * *-config.conf}, shell {@code *.cfg}) as docker compose's {@code env_file} reads it: comments,
 * {@code export}, both quote styles, multi-line double-quoted values, {@code " #"} inline comments,
 * and {@code $VAR}/{@code ${VAR}} interpolation against keys defined earlier in the file only,
 * never the process environment. Every value is a string. CRLF line ends are read as LF.
 */
public final class DotenvSourceParser {
  private DotenvSourceParser() {}

  public static SettingsModule parse(String text, String fileName) {
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    source = source.replace("\r\n", "\n");
    List<ParseWarning> warnings = new ArrayList<>();
    List<DotenvEntry> entries =
        ComposeDotenv.parse(source, fileName, true, new Warnings(fileName, warnings));
    Map<String, Setting> settings = new LinkedHashMap<>();
    for (DotenvEntry e : entries) {
      Origin origin = new Origin(fileName, e.line());
      Setting earlier = settings.get(e.key());
      if (earlier != null) {
        warnings.add(new ParseWarning(origin, e.key() + ": defined again (first at line "
            + earlier.origin().line() + "): the last value wins"));
      }
      settings.put(e.key(), new Setting(e.key(), new SettingValue.Str(e.value()), origin));
    }
    warnings.sort(java.util.Comparator.comparingInt(w -> w.origin().line()));
    return new SettingsModule(fileName, SettingsFormat.DOTENV, List.copyOf(settings.values()),
        warnings);
  }

  private record Warnings(String file, List<ParseWarning> out) implements DotenvEvents {
    @Override
    public void unknownVariable(String key, String variable, int line) {
      out.add(new ParseWarning(new Origin(file, line), key + ": refers to " + variable
          + ", which is not defined earlier in the file: it reads as empty"));
    }

    @Override
    public void strayDollar(String key, int line) {
      out.add(new ParseWarning(new Origin(file, line), key
          + ": has a '$' that starts no variable: kept as it is (docker compose would refuse it)"));
    }

    @Override
    public void inherited(String key, int line) {
      out.add(new ParseWarning(new Origin(file, line),
          key + ": has no '=' (its value would come from the environment): skipped"));
    }
  }
}
