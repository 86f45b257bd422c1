package envshift.mapping;

import java.util.AbstractMap.SimpleEntry;
import java.util.List;
import java.util.Map;

/**
 * A Redis cache LOCATION as the host and path of a CACHE_URL. django-environ rebuilds each
 * location as {@code redis://HOST/PATH} from {@code rediscache://HOST1,HOST2/PATH}, so several
 * locations must share scheme and path; a socket goes as {@code rediscache:///path?db=N}.
 */
final class RedisLocation {
  /** scheme: the CACHE_URL scheme; netloc: userinfo@host:port; path: "/db" or "" or a socket. */
  private record Parts(String scheme, String netloc, String path, String db) {}

  private RedisLocation() {}

  static String url(List<String> locations, List<Map.Entry<String, String>> query,
      CacheUrl.Where at) {
    if (locations.isEmpty()) throw at.error(" has no LOCATION");
    List<Parts> parts = locations.stream().map(loc -> parse(loc, at)).toList();
    Parts first = parts.get(0);
    for (Parts p : parts) {
      if (!p.scheme().equals(first.scheme()) || !p.path().equals(first.path())
          || !p.db().equals(first.db()) || (parts.size() > 1 && p.netloc().isEmpty())) {
        throw at.error("['LOCATION'] lists servers CACHE_URL cannot carry together "
            + "(they must share scheme and database)");
      }
    }
    if (!first.db().isEmpty()) query.add(new SimpleEntry<>("db", first.db()));
    List<String> netlocs = parts.stream().map(Parts::netloc).toList();
    return first.scheme() + "://" + String.join(",", netlocs) + first.path();
  }

  private static Parts parse(String location, CacheUrl.Where at) {
    int sep = location.indexOf("://");
    if (sep < 0) return hostPortDb(location, at);
    String scheme = location.substring(0, sep);
    String rest = location.substring(sep + 3);
    int slash = rest.indexOf('/');
    String netloc = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    switch (scheme) {
      case "redis", "rediss" -> {
        if (path.contains("?") || path.contains("#") || netloc.contains("?")) {
          throw at.error("['LOCATION'] has a query string, which CACHE_URL cannot carry");
        }
        return new Parts(scheme.equals("redis") ? "rediscache" : "rediss", netloc, path, "");
      }
      case "unix" -> {
        return socket(netloc, path, at);
      }
      default -> throw at.error("['LOCATION'] is not a redis://, rediss:// or unix:// URL");
    }
  }

  /** unix:///tmp/redis.sock?db=1: django-environ re-adds ?db= to the socket location. */
  private static Parts socket(String netloc, String path, CacheUrl.Where at) {
    int q = path.indexOf('?');
    String socket = q < 0 ? path : path.substring(0, q);
    String db = "";
    if (q >= 0) {
      String query = path.substring(q + 1);
      if (!query.matches("db=[0-9]+")) {
        throw at.error("['LOCATION'] socket URL has query parameters other than db");
      }
      db = query.substring(3);
    }
    if (!netloc.isEmpty() || socket.isEmpty()) {
      throw at.error("['LOCATION'] socket URL must be unix:///path");
    }
    return new Parts("rediscache", "", socket, db);
  }

  /** The older host:port:db form (django-redis before URLs, django-redis-cache). */
  private static Parts hostPortDb(String location, CacheUrl.Where at) {
    String[] fields = location.split(":", -1);
    boolean ok = fields.length <= 3 && !fields[0].isEmpty();
    for (int i = 1; i < fields.length; i++) {
      ok &= fields[i].matches("[0-9]+");
    }
    if (!ok) {
      throw at.error("['LOCATION'] is neither a redis URL nor host:port:db");
    }
    String netloc = fields.length >= 2 ? fields[0] + ":" + fields[1] : fields[0];
    String path = fields.length == 3 ? "/" + fields[2] : "";
    return new Parts("rediscache", netloc, path, "");
  }
}
