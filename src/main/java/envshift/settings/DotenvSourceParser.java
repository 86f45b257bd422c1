package envshift.settings;

import envshift.Origin;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a legacy dotenv or shell-style config file ({@code .env*}, {@code *.env}, {@code
 * *-config.conf}, shell {@code *.cfg}) as one dialect's reader would: docker compose's {@code
 * env_file} by default, or python-dotenv. Either way {@code $VAR}/{@code ${VAR}} resolve against
 * keys defined earlier in the file only, never the process environment. Every value is a string.
 * CRLF line ends are read as LF. One line that is not an assignment is skipped with a warning
 * naming it, never the whole file.
 *
 * <p>A legacy .env was read by one of the two readers, and they disagree on {@code $}, inline
 * comments and quotes. Unless the manifest names the dialect, the file is also read the other
 * way, and each variable that comes out different is a warning naming the dialect used.
 */
public final class DotenvSourceParser {
  private DotenvSourceParser() {}

  /** With docker compose's rules, no dialect named. */
  public static SettingsModule parse(String text, String fileName) {
    return parse(text, fileName, Optional.empty());
  }

  /** With the named dialect's rules, or compose's (and a cross-check) when none is named. */
  public static SettingsModule parse(
      String text, String fileName, Optional<DotenvFlavor> dialect) {
    String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
    source = source.replace("\r\n", "\n");
    DotenvFlavor used = dialect.orElse(DotenvFlavor.COMPOSE);
    List<ParseWarning> warnings = new ArrayList<>();
    List<DotenvEntry> entries = read(source, fileName, used, new Warnings(fileName, warnings));
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
    if (dialect.isEmpty()) {
      compare(source, fileName, used, entries, warnings);
    }
    warnings.sort(Comparator.comparingInt(w -> w.origin().line()));
    return new SettingsModule(fileName, SettingsFormat.DOTENV, List.copyOf(settings.values()),
        warnings);
  }

  /** How a dialect is called in messages and in envshift.yml. */
  public static String name(DotenvFlavor dialect) {
    return dialect.name().toLowerCase(Locale.ROOT);
  }

  private static List<DotenvEntry> read(
      String text, String file, DotenvFlavor dialect, DotenvEvents events) {
    return switch (dialect) {
      case COMPOSE -> ComposeDotenv.parse(text, file, true, events);
      case PYTHON -> PythonDotenv.parse(text, file, true, events);
    };
  }

  /**
   * One warning per variable the other dialect reads differently (another value, or not at all).
   * Names only: the values are secrets. When the other reader fails on the file, there is nothing
   * to compare.
   */
  private static void compare(String text, String file, DotenvFlavor used,
      List<DotenvEntry> entries, List<ParseWarning> warnings) {
    DotenvFlavor other = used == DotenvFlavor.COMPOSE ? DotenvFlavor.PYTHON : DotenvFlavor.COMPOSE;
    List<DotenvEntry> theirs;
    try {
      theirs = read(text, file, other, DotenvEvents.NONE);
    } catch (SettingsException e) {
      return;
    }
    Map<String, DotenvEntry> mine = last(entries);
    Map<String, DotenvEntry> others = last(theirs);
    Set<String> keys = new LinkedHashSet<>(mine.keySet());
    keys.addAll(others.keySet());
    for (String key : keys) {
      DotenvEntry a = mine.get(key);
      DotenvEntry b = others.get(key);
      if (a != null && b != null && a.value().equals(b.value())) {
        continue;
      }
      int line = a != null ? a.line() : b.line();
      String how = a == null ? "only " + reader(other) + " reads it" : b == null
          ? reader(other) + " does not read it" : reader(other) + " reads another value";
      warnings.add(new ParseWarning(new Origin(file, line), key + ": the dotenv dialects disagree ("
          + how + "); read with the " + name(used) + " dialect (name the dialect in envshift.yml:"
          + " {file: " + file + ", dialect: compose | python})"));
    }
  }

  private static Map<String, DotenvEntry> last(List<DotenvEntry> entries) {
    Map<String, DotenvEntry> byKey = new LinkedHashMap<>();
    entries.forEach(e -> byKey.put(e.key(), e));
    return byKey;
  }

  private static String reader(DotenvFlavor dialect) {
    return dialect == DotenvFlavor.COMPOSE ? "docker compose" : "python-dotenv";
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

    @Override
    public void notAssignment(int line) {
      out.add(new ParseWarning(new Origin(file, line),
          "not a KEY=value assignment (a shell command, or text after a quoted value): skipped"));
    }

    @Override
    public void commentOnlyValue(String key, int line) {
      out.add(new ParseWarning(new Origin(file, line), key + ": blank value then a '#' comment:"
          + " dotenv readers disagree (the comment text, or empty); write KEY=\"\" or quote it"));
    }
  }
}
