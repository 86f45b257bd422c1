package envshift.mapping;

import envshift.Origin;
import envshift.settings.SettingValue.DictValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code DATABASES} alias as the URL dj-database-url (and django-environ) parses back into the
 * same dict: {@code postgis://user:p%40ss@db.internal:5432/payroll?sslmode=require}.
 */
public final class DatabaseUrl {
  private static final Map<String, String> SCHEMES =
      Map.of(
          "django.db.backends.postgresql", "postgres",
          "django.db.backends.postgresql_psycopg2", "postgres",
          "django.contrib.gis.db.backends.postgis", "postgis",
          "django.db.backends.mysql", "mysql",
          "django.contrib.gis.db.backends.mysql", "mysqlgis",
          "django.db.backends.sqlite3", "sqlite",
          "django.contrib.gis.db.backends.spatialite", "spatialite",
          "django.db.backends.oracle", "oracle");
  private static final Set<String> URL_KEYS =
      Set.of("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS");
  private static final Set<String> SERVER_KEYS = Set.of("USER", "PASSWORD", "HOST", "PORT");

  private DatabaseUrl() {}

  /** The URL for {@code DATABASES[alias]}; {@code origin} is where DATABASES was assigned. */
  public static String from(String alias, DictValue db, Origin origin) {
    return derive(alias, db, origin).url();
  }

  static UrlParts.Derived derive(String alias, DictValue db, Origin origin) {
    String where = UrlParts.where("DATABASES", alias);
    String scheme = scheme(db, where, origin);
    List<String> skipped = new ArrayList<>();
    List<Map.Entry<String, String>> query = new ArrayList<>();
    UrlParts.options(db, where, origin, false, query, skipped);
    boolean file = scheme.equals("sqlite") || scheme.equals("spatialite");
    for (String key : db.entries().keySet()) {
      if (!URL_KEYS.contains(key)) {
        skipped.add(where + "['" + key + "']");
      } else if (file && SERVER_KEYS.contains(key)
          && !UrlParts.text(db, key, where, origin).isEmpty()) {
        skipped.add(where + "['" + key + "']");
      }
    }
    String name = UrlParts.text(db, "NAME", where, origin);
    String url = file ? fileUrl(scheme, name) : serverUrl(scheme, db, name, where, origin);
    return new UrlParts.Derived(url + Percent.query(query), skipped);
  }

  private static String scheme(DictValue db, String where, Origin origin) {
    String engine = UrlParts.text(db, "ENGINE", where, origin);
    if (engine.isEmpty()) throw new MappingException(origin, where + " has no ENGINE");
    String scheme = SCHEMES.get(engine);
    if (scheme == null) {
      throw new MappingException(
          origin,
          where
              + "['ENGINE'] is not a backend DATABASE_URL can name (known: "
              + String.join(", ", SCHEMES.keySet().stream().sorted().toList())
              + "); drop DATABASES in envshift.yml and set the URL by hand");
    }
    return scheme;
  }

  /** sqlite:///relative.db and sqlite:////absolute.db, as dj-database-url strips one slash. */
  private static String fileUrl(String scheme, String name) {
    if (name.isEmpty()) return scheme + "://";
    if (name.equals(":memory:")) return scheme + "://:memory:";
    return scheme + ":///" + Percent.encodePath(name);
  }

  private static String serverUrl(
      String scheme, DictValue db, String name, String where, Origin origin) {
    String user = UrlParts.text(db, "USER", where, origin);
    String password = UrlParts.text(db, "PASSWORD", where, origin);
    String host = UrlParts.text(db, "HOST", where, origin);
    String port = UrlParts.text(db, "PORT", where, origin);
    StringBuilder url = new StringBuilder(scheme).append("://");
    // A password with no user still needs its userinfo, or the secret would vanish silently.
    if (!user.isEmpty() || !password.isEmpty()) {
      url.append(Percent.encode(user));
      if (!password.isEmpty()) url.append(':').append(Percent.encode(password));
      url.append('@');
    }
    if (!host.isEmpty()) url.append(Percent.host(host));
    if (!port.isEmpty()) {
      if (!isPort(port)) {
        throw new MappingException(origin, where + "['PORT'] is not a port number");
      }
      url.append(':').append(port);
    }
    if (!name.isEmpty()) url.append('/').append(Percent.encode(name));
    return url.toString();
  }

  /** What Python's urlsplit(...).port accepts; anything else would fail in the app at boot. */
  private static boolean isPort(String port) {
    return port.length() <= 5
        && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(port) <= 65535;
  }
}
