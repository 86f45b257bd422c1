package envshift.mapping;

import envshift.Origin;
import envshift.settings.Setting;
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.Bool;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Float;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingValue.Str;
import envshift.settings.SettingsFormat;
import envshift.settings.SettingsModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds parsed settings by hand, the way a parser would hand them over. */
final class TestSettings {
  private TestSettings() {}

  static Str str(String s) {
    return new Str(s);
  }

  static Int integer(long v) {
    return Int.of(v);
  }

  static Float flt(double v) {
    return new Float(v);
  }

  static Bool bool(boolean v) {
    return new Bool(v);
  }

  static None none() {
    return None.INSTANCE;
  }

  static ListValue list(SettingValue... items) {
    return new ListValue(List.of(items), false);
  }

  static ListValue tuple(SettingValue... items) {
    return new ListValue(List.of(items), true);
  }

  /** dict("k1", v1, "k2", v2, ...), insertion order kept. */
  static DictValue dict(Object... keysAndValues) {
    Map<String, SettingValue> entries = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      entries.put((String) keysAndValues[i], (SettingValue) keysAndValues[i + 1]);
    }
    return new DictValue(entries);
  }

  static Setting setting(String file, int line, String name, SettingValue value) {
    return new Setting(name, value, new Origin(file, line));
  }

  static SettingsModule module(String file, Setting... settings) {
    return new SettingsModule(file, SettingsFormat.PYTHON, List.of(settings), List.of());
  }

  /** A one-file module with settings on consecutive lines from 1: name, value, name, value... */
  static SettingsModule py(String file, Object... namesAndValues) {
    Setting[] settings = new Setting[namesAndValues.length / 2];
    for (int i = 0; i < settings.length; i++) {
      settings[i] = setting(file, i + 1, (String) namesAndValues[2 * i],
          (SettingValue) namesAndValues[2 * i + 1]);
    }
    return module(file, settings);
  }

  /** The EnvSet as a .env-like text: one NAME=value line each, in order. */
  static String lines(EnvSet set) {
    return set.vars().values().stream()
        .map(v -> v.name() + "=" + v.value().reveal() + "\n")
        .collect(Collectors.joining());
  }

  static String only(EnvSet set, String name) {
    return set.values().get(name).reveal();
  }
}
