package envshift.mapping;

import envshift.Origin;
import envshift.settings.SettingValue;
import envshift.settings.SettingValue.DictValue;
import envshift.settings.SettingValue.ListValue;
import envshift.settings.SettingValue.None;
import envshift.settings.SettingValue.Str;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code CACHES} alias as the URL django-environ's {@code env.cache()} reads back: the scheme
 * names the backend (its CACHE_SCHEMES table), LOCATION is the host part, and TIMEOUT, KEY_PREFIX,
 * VERSION, KEY_FUNCTION and the OPTIONS entries become upper-cased query parameters.
 */
public final class CacheUrl {
  private static final String MEMCACHED = "django.core.cache.backends.memcached.";
  private static final Map<String, String> SCHEMES =
      Map.of(
          "django.core.cache.backends.redis.RedisCache", "rediscache",
          "django_redis.cache.RedisCache", "rediscache",
          MEMCACHED + "MemcachedCache", "memcache",
          MEMCACHED + "PyMemcacheCache", "pymemcache",
          MEMCACHED + "PyLibMCCache", "pylibmc",
          "django.core.cache.backends.db.DatabaseCache", "dbcache",
          "django.core.cache.backends.filebased.FileBasedCache", "filecache",
          "django.core.cache.backends.locmem.LocMemCache", "locmemcache",
          "django.core.cache.backends.dummy.DummyCache", "dummycache");
  private static final Set<String> BASE_OPTIONS =
      Set.of("TIMEOUT", "KEY_PREFIX", "VERSION", "KEY_FUNCTION");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._~\\[\\]:-]+");

  private CacheUrl() {}

  /** The URL for {@code CACHES[alias]}; {@code origin} is where CACHES was assigned. */
  public static String from(String alias, DictValue cache, Origin origin) {
    return derive(alias, cache, origin).url();
  }

  static UrlParts.Derived derive(String alias, DictValue cache, Origin origin) {
    Where at = new Where(UrlParts.where("CACHES", alias), origin);
    String scheme = scheme(cache, at);
    List<String> locations = locations(cache, at);
    List<Map.Entry<String, String>> query = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    String base =
        switch (scheme) {
          case "rediscache" -> RedisLocation.url(locations, query, at);
          case "memcache", "pymemcache", "pylibmc" -> memcached(scheme, locations, at);
          case "dbcache" -> scheme + "://" + name(required(locations, at), at);
          case "filecache" -> scheme + "://" + path(required(locations, at), at);
          case "locmemcache" -> scheme + "://" + (locations.isEmpty() ? "" : name(locations, at));
          default -> scheme + "://";
        };
    if (scheme.equals("dummycache") && !locations.isEmpty()) skipped.add(at.key("LOCATION"));
    for (Map.Entry<String, SettingValue> e : cache.entries().entrySet()) {
      String key = e.getKey();
      if (BASE_OPTIONS.contains(key)) {
        query.add(new SimpleEntry<>(key, ValueText.option(e.getValue())));
      } else if (key.equals("OPTIONS")) {
        UrlParts.options(cache, at.where(), origin, true, query, skipped);
      } else if (!key.equals("BACKEND") && !key.equals("LOCATION")) {
        skipped.add(at.key(key));
      }
    }
    return new UrlParts.Derived(base + Percent.query(query), skipped);
  }

  /** Where an alias was written, for error messages. */
  record Where(String where, Origin origin) {
    String key(String key) {
      return where + "['" + key + "']";
    }

    MappingException error(String message) {
      return new MappingException(origin, where + message);
    }
  }

  private static String scheme(DictValue cache, Where at) {
    String backend = UrlParts.text(cache, "BACKEND", at.where(), at.origin());
    if (backend.isEmpty()) throw at.error(" has no BACKEND");
    String scheme = SCHEMES.get(backend);
    if (scheme == null) {
      throw at.error(
          "['BACKEND'] is not a backend CACHE_URL can name (known: "
              + String.join(", ", SCHEMES.keySet().stream().sorted().toList())
              + "); drop CACHES in envshift.yml and configure the cache in settings.py");
    }
    return scheme;
  }

  /** LOCATION as a list: absent, None and "" give none; a list gives several (a cluster). */
  private static List<String> locations(DictValue cache, Where at) {
    SettingValue v = cache.entries().get("LOCATION");
    if (v == null || v instanceof None) return List.of();
    if (v instanceof Str s) return s.value().isEmpty() ? List.of() : List.of(s.value());
    if (v instanceof ListValue list && list.items().stream().allMatch(i -> i instanceof Str)) {
      return list.items().stream().map(i -> ((Str) i).value()).toList();
    }
    throw at.error("['LOCATION'] must be a string or a list of strings");
  }

  private static List<String> required(List<String> locations, Where at) {
    if (locations.isEmpty()) throw at.error(" has no LOCATION");
    return locations;
  }

  /** A table or locmem name: the URL's host part, which django-environ does not unquote. */
  private static String name(List<String> locations, Where at) {
    if (locations.size() != 1 || !NAME.matcher(locations.get(0)).matches()) {
      throw at.error("['LOCATION'] cannot be written in CACHE_URL (expected one name of letters, "
          + "digits, '.', '_', '-')");
    }
    return locations.get(0);
  }

  /** filecache:///abs/path or filecache://relative/path: django-environ joins host and path. */
  private static String path(List<String> locations, Where at) {
    String path = locations.get(0);
    if (locations.size() != 1 || path.contains("?") || path.contains("#")) {
      throw at.error("['LOCATION'] cannot be written in CACHE_URL (one path without '?' or '#')");
    }
    return path;
  }

  private static String memcached(String scheme, List<String> locations, Where at) {
    if (locations.size() == 1 && locations.get(0).startsWith("unix:")) {
      String socket = locations.get(0).substring("unix:".length());
      if (scheme.equals("pylibmc") || !socket.startsWith("/")) {
        throw at.error("['LOCATION'] is a socket CACHE_URL cannot carry for this backend");
      }
      return scheme + "://" + socket;
    }
    for (String loc : locations) {
      if (!HOST_PORT.matcher(loc).matches()) {
        throw at.error("['LOCATION'] cannot be written in CACHE_URL (expected host:port entries)");
      }
    }
    return scheme + "://" + String.join(",", locations);
  }
}
