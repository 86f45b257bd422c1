package envshift.settings;

import java.util.Map;

/**
 * docker compose's interpolation of dotenv values: {@code $$} is a literal {@code $}, {@code $VAR}
 * and {@code ${VAR}} read a variable, and {@code ${VAR:-default}}, {@code -}, {@code :?}, {@code
 * ?}, {@code :+} and {@code +} behave as in compose. Variables are looked up only among the keys
 * defined earlier in the same file: the process environment is never read.
 *
 * <p>Bounds (docs/security.md): references nest at most {@value #MAX_DEPTH} deep, and a value
 * they build is at most {@link ValueSize#LIMIT} characters (or as long as written, if longer), so
 * that {@code B=${A}${A}} repeated cannot double a value into the gigabytes.
 */
final class ComposeInterpolation {
  static final int MAX_DEPTH = 32;
  private final Map<String, String> defined;
  private final String file;
  private final String key;
  private final int line;
  private final boolean lenient;
  private final DotenvEvents events;

  ComposeInterpolation(Map<String, String> defined, String file, String key, int line,
      boolean lenient, DotenvEvents events) {
    this.defined = defined;
    this.file = file;
    this.key = key;
    this.line = line;
    this.lenient = lenient;
    this.events = events;
  }

  String expand(String s) {
    return expand(s, 0, Math.max(s.length(), ValueSize.LIMIT));
  }

  private String expand(String s, int depth, long limit) {
    if (depth > MAX_DEPTH) {
      throw SettingsException.at(file, line, key + ": ${...} references nested more than "
          + MAX_DEPTH + " deep (envshift's bound, see docs/security.md)");
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (c != '$') {
        out.append(c);
        i++;
      } else if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int close = closingBrace(s, i + 2);
        out.append(braced(s.substring(i + 2, close), depth, limit));
        i = close + 1;
      } else if (isNameStart(next)) {
        int end = nameEnd(s, i + 1);
        out.append(lookup(s.substring(i + 1, end)));
        i = end;
      } else {
        if (!lenient) {
          throw invalid();
        }
        events.strayDollar(key, line);
        out.append('$');
        i++;
      }
      if (out.length() > limit) {
        throw ValueSize.builtByReferences(file, line, key);
      }
    }
    return out.toString();
  }

  private String braced(String content, int depth, long limit) {
    int end = nameEnd(content, 0);
    if (end == 0) {
      throw invalid();
    }
    String name = content.substring(0, end);
    String rest = content.substring(end);
    if (rest.isEmpty()) {
      return lookup(name);
    }
    boolean colon = rest.startsWith(":");
    int opAt = colon ? 1 : 0;
    // "${A:}" has a colon and no operator: as invalid as any other unknown one
    String op = opAt < rest.length() ? rest.substring(opAt, opAt + 1) : "";
    if (!op.equals("-") && !op.equals("?") && !op.equals("+")) {
      throw invalid();
    }
    String argument = rest.substring(opAt + 1);
    boolean set = defined.containsKey(name) && (!colon || !defined.get(name).isEmpty());
    return switch (op) {
      case "-" -> set ? defined.get(name) : expand(argument, depth + 1, limit);
      case "+" -> set ? expand(argument, depth + 1, limit) : "";
      default -> {
        if (!set) {
          throw SettingsException.at(file, line, key + ": requires " + name + ", which is not set");
        }
        yield defined.get(name);
      }
    };
  }

  private String lookup(String name) {
    String value = defined.get(name);
    if (value == null) {
      events.unknownVariable(key, name, line);
      return "";
    }
    return value;
  }

  private int closingBrace(String s, int start) {
    int depth = 0;
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (s.charAt(i) == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw invalid();
  }

  private static int nameEnd(String s, int start) {
    if (start >= s.length() || !isNameStart(s.charAt(start))) {
      return start;
    }
    int i = start + 1;
    while (i < s.length() && (isNameStart(s.charAt(i)) || Character.isDigit(s.charAt(i)))) {
      i++;
    }
    return i;
  }

  private static boolean isNameStart(char c) {
    // ASCII only, as compose's [_a-z][_a-z0-9]* (case-insensitive)
    return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private SettingsException invalid() {
    return SettingsException.at(file, line, key + ": invalid variable reference");
  }
}
