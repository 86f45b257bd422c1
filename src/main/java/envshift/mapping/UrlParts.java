package envshift.mapping;

import envshift.Origin;
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.Int;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingValue.Str;
import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the fields of one DATABASES or CACHES alias, shared by DatabaseUrl and CacheUrl. */
final class UrlParts {
  /** A derived URL and the keys of the alias it could not carry, as readable key paths. */
  record Derived(String url, List<String> skipped) {
    Derived {
      skipped = List.copyOf(skipped);
    }
  }

  private UrlParts() {}

  /** {@code DATABASE_URL} for alias default, {@code DATABASE_REPLICA_URL} for alias replica. */
  static String varName(String base, String alias) {
    if ("default".equals(alias)) return base + "_URL";
    return base + "_" + alias.toUpperCase(Locale.ROOT) + "_URL";
  }

  static String where(String setting, String alias) {
    return setting + "['" + alias + "']";
  }

  /** A string-ish field: a str or an int; absent and None read as empty. */
  static String text(DictValue dict, String key, String where, Origin origin) {
    SettingValue v = dict.entries().get(key);
    if (v == null || v instanceof None) return "";
    if (v instanceof Str s) return s.value();
    if (v instanceof Int i) return i.value().toString();
    throw new MappingException(origin, where + "['" + key + "'] must be a string");
  }

  /**
   * The entries of an OPTIONS dict as query pairs, values spelled by {@link ValueText#option};
   * entries set to None are left out and reported in {@code skipped}.
   */
  static void options(
      DictValue alias,
      String where,
      Origin origin,
      boolean upperKeys,
      List<Map.Entry<String, String>> pairs,
      List<String> skipped) {
    SettingValue v = alias.entries().get("OPTIONS");
    if (v == null || v instanceof None) return;
    if (!(v instanceof DictValue options)) {
      throw new MappingException(origin, where + "['OPTIONS'] must be a dict");
    }
    options.entries().forEach(
        (key, value) -> {
          if (value instanceof None) {
            skipped.add(where + "['OPTIONS']['" + key + "']");
          } else {
            pairs.add(new SimpleEntry<>(upperKeys ? key.toUpperCase(Locale.ROOT) : key,
                ValueText.option(value)));
          }
        });
  }
}
