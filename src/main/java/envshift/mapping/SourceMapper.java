package envshift.mapping;

import envshift.Origin;
import envshift.Secret;
import envshift.settings.Setting;
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingsModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vars of one source file. Within one file two settings landing on the same name is a mistake
 * (a rename onto an existing var, DATABASES next to DATABASE_URL), so it is an error here; across
 * files it is the intended override and EnvMapper merges instead.
 */
final class SourceMapper {
  /** One var before renaming: the name it was derived as and the setting it came from. */
  private record Derived(String name, String setting, String text, Origin origin) {}

  private SourceMapper() {}

  static Map<String, EnvVar> map(
      SettingsModule module, MappingRules rules, List<MappingNote> notes) {
    Map<String, EnvVar> vars = new LinkedHashMap<>();
    Map<String, Derived> sources = new LinkedHashMap<>();
    for (Setting setting : module.settings()) {
      if (rules.drop().contains(setting.name())) {
        notes.add(dropped(setting.origin(), setting.name()));
        continue;
      }
      if (setting.value() instanceof None) {
        notes.add(new MappingNote(setting.origin(), setting.name(), MappingNote.Kind.OMITTED_NONE,
            setting.name() + " is None: no variable is set"));
        continue;
      }
      for (Derived d : expand(setting, rules, notes)) {
        String target = target(d, rules);
        if (!target.equals(d.name())) {
          notes.add(new MappingNote(d.origin(), d.name(), MappingNote.Kind.RENAMED,
              d.name() + " renamed to " + target));
        }
        Optional<String> problem = EnvVar.syntaxProblem(target);
        if (problem.isPresent()) {
          notes.add(unmappable(d, describe(d, target) + " " + problem.get()));
          continue;
        }
        Optional<String> unencodable = loneSurrogate(d.text());
        if (unencodable.isPresent()) {
          notes.add(unmappable(d, describe(d, target) + " " + unencodable.get()));
          continue;
        }
        Derived clash = sources.put(target, d);
        if (clash != null) {
          throw new MappingException(d.origin(), describe(d, target) + " collides with "
              + describe(clash, target) + " from " + clash.origin());
        }
        vars.put(target, new EnvVar(target, Secret.of(d.text()), d.origin()));
      }
    }
    return vars;
  }

  /**
   * A value with a lone UTF-16 surrogate (a JSON {@code "\\ud800"}, a Python {@code '\\udc80'})
   * has no UTF-8 form: sent, it would arrive as {@code ?}, a wrong value. Never pushed.
   */
  private static Optional<String> loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of(String.format("holds a lone surrogate (U+%04X) at character %d, which"
            + " UTF-8 cannot carry", (int) c, i + 1));
      }
    }
    return Optional.empty();
  }

  /** The var name is looked up first, so DATABASE_URL can be renamed apart from DATABASES. */
  private static String target(Derived d, MappingRules rules) {
    String byVar = rules.rename().get(d.name());
    if (byVar != null) return byVar;
    return rules.rename().getOrDefault(d.setting(), d.name());
  }

  /**
   * One setting left out, with the manifest line that maps it another way or leaves it out on
   * purpose (which silences the warning).
   */
  private static MappingNote unmappable(Derived d, String why) {
    return new MappingNote(d.origin(), d.name(), MappingNote.Kind.UNMAPPABLE, why
        + ": skipped (in envshift.yml, rename: {" + d.name() + ": NEW_NAME} or drop: ["
        + d.name() + "])");
  }

  private static MappingNote unmappable(Origin origin, String name, String why) {
    return new MappingNote(origin, name, MappingNote.Kind.UNMAPPABLE, why
        + ": skipped (in envshift.yml, drop: [" + name + "] to leave it out)");
  }

  /** "DJANGO_SECRET_KEY (renamed from SECRET_KEY)", "DATABASE_URL (from DATABASES)". */
  private static String describe(Derived d, String target) {
    if (!target.equals(d.name())) return target + " (renamed from " + d.name() + ")";
    if (!d.name().equals(d.setting())) return target + " (from " + d.setting() + ")";
    return target;
  }

  private static List<Derived> expand(Setting s, MappingRules rules, List<MappingNote> notes) {
    boolean databases = s.name().equals("DATABASES");
    if (!databases && !s.name().equals("CACHES")) {
      return List.of(new Derived(s.name(), s.name(), ValueText.of(s.value()), s.origin()));
    }
    String base = databases ? "DATABASE" : "CACHE";
    if (!(s.value() instanceof DictValue aliases)) {
      notes.add(unmappable(s.origin(), s.name(), s.name() + " must be a dict to become " + base
          + "_URL"));
      return List.of();
    }
    List<Derived> out = new ArrayList<>();
    for (Map.Entry<String, SettingValue> e : aliases.entries().entrySet()) {
      String name = UrlParts.varName(base, e.getKey());
      if (rules.drop().contains(name)) {
        notes.add(dropped(s.origin(), name));
        continue;
      }
      String where = UrlParts.where(s.name(), e.getKey());
      if (!(e.getValue() instanceof DictValue alias)) {
        notes.add(unmappable(s.origin(), name, name + " (from " + where + "): " + where
            + " must be a dict"));
        continue;
      }
      UrlParts.Derived url;
      try {
        url = databases
            ? DatabaseUrl.derive(e.getKey(), alias, s.origin())
            : CacheUrl.derive(e.getKey(), alias, s.origin());
      } catch (MappingException bad) {
        // one alias with a placeholder port ('{db_port}') never costs the file its other settings
        notes.add(unmappable(s.origin(), name, name + " (from " + where + "): " + bad.reason()));
        continue;
      }
      for (String key : url.skipped()) {
        notes.add(new MappingNote(s.origin(), name, MappingNote.Kind.SKIPPED,
            key + " cannot be expressed in " + name + ": keep it in settings.py"));
      }
      out.add(new Derived(name, s.name(), url.url(), s.origin()));
    }
    return out;
  }

  private static MappingNote dropped(Origin origin, String name) {
    return new MappingNote(origin, name, MappingNote.Kind.DROPPED,
        name + " dropped by envshift.yml");
  }
}
