package envshift.mapping;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Percent-encoding for URL parts. Everything outside RFC 3986's unreserved set is encoded, so a
 * password holding {@code @ / : # ? %} or a space survives {@code urllib.parse.unquote} (which
 * dj-database-url applies) and {@code unquote_plus} (which parse_qs applies) alike.
 */
final class Percent {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Percent() {}

  static String encode(String s) {
    return encode(s, false);
  }

  /** Like {@link #encode} but keeps {@code /}, for file paths that stay paths in the URL. */
  static String encodePath(String s) {
    return encode(s, true);
  }

  /** {@code ?k=v&k2=v2}, keys and values encoded; empty when there are no pairs. */
  static String query(List<Map.Entry<String, String>> pairs) {
    if (pairs.isEmpty()) return "";
    StringBuilder out = new StringBuilder("?");
    for (Map.Entry<String, String> p : pairs) {
      if (out.length() > 1) out.append('&');
      out.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
    }
    return out.toString();
  }

  /** A host as it goes into a URL: IPv6 in brackets, anything odd (a socket path) encoded. */
  static String host(String host) {
    if (host.startsWith("[") && host.endsWith("]")) return host;
    if (host.indexOf(':') >= 0) return "[" + host + "]";
    return encode(host);
  }

  private static String encode(String s, boolean keepSlash) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
