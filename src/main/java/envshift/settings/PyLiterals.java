package envshift.settings;

import envshift.settings.PyNode.Const;
import envshift.settings.PyNode.FStr;
import envshift.settings.PyNode.Field;
import envshift.settings.PyNode.Unsupported;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Turns string and number tokens into constant nodes, including f-strings and implicit joins. */
final class PyLiterals {
  /**
   * Python (3.11+) refuses longer decimal integer literals; so do we, which also bounds the work.
   */
  static final int MAX_INT_DIGITS = 4300;

  private PyLiterals() {}

  /** The adjacent string tokens at the cursor: one node, as Python joins them at compile time. */
  static PyNode strings(PyCursor in) {
    String file = in.file();
    List<PyToken> run = new ArrayList<>();
    while (in.peek() != null && in.peek().kind() == PyToken.Kind.STRING) {
      run.add(in.next());
    }
    long bytes = run.stream().filter(t -> t.prefix().contains("b")).count();
    if (bytes > 0 && bytes < run.size()) {
      throw SettingsException.at(file, run.get(0).line(), "cannot mix bytes and str literals");
    }
    if (bytes > 0) {
      return new PyNode.Bytes();
    }
    List<PyNode> parts = new ArrayList<>();
    boolean formatted = false;
    for (PyToken t : run) {
      boolean raw = t.prefix().contains("r");
      if (t.prefix().contains("f")) {
        formatted = true;
        parts.addAll(fstring(t.text(), raw, file, t.line()));
      } else {
        parts.add(text(raw ? t.text() : PyStrings.decode(t.text(), file, t.line())));
      }
    }
    if (!formatted) {
      StringBuilder joined = new StringBuilder();
      parts.forEach(p -> joined.append(((SettingValue.Str) ((Const) p).value()).value()));
      return text(joined.toString());
    }
    return new FStr(parts);
  }

  /**
   * Whether a number literal (or int()/float() text) puts an underscore where Python does not
   * allow one: each underscore must sit between two digits of the literal's base, or right after
   * a 0x/0o/0b prefix.
   */
  static boolean misplacedUnderscore(String number) {
    boolean based = number.length() > 1 && number.charAt(0) == '0'
        && "xXoObB".indexOf(number.charAt(1)) >= 0;
    int radix = based ? 16 : 10; // a digit beyond the base never matched the literal's pattern
    for (int i = number.indexOf('_'); i >= 0; i = number.indexOf('_', i + 1)) {
      boolean afterPrefix = based && i == 2;
      boolean before = i > 0 && Character.digit(number.charAt(i - 1), radix) >= 0
          && !(based && i == 1);
      boolean after = i + 1 < number.length() && Character.digit(number.charAt(i + 1), radix) >= 0;
      if (!(before || afterPrefix) || !after) {
        return true;
      }
    }
    return based && number.length() == 2;
  }

  static PyNode number(String token, String file, int line) {
    String t = token.replace("_", "");
    char last = t.charAt(t.length() - 1);
    if (last == 'j' || last == 'J') {
      return new Unsupported("uses a complex number");
    }
    if (t.length() > 1 && t.charAt(0) == '0' && "xXoObB".indexOf(t.charAt(1)) >= 0) {
      int radix = switch (Character.toLowerCase(t.charAt(1))) {
        case 'x' -> 16;
        case 'o' -> 8;
        default -> 2;
      };
      return new Const(new SettingValue.Int(new BigInteger(t.substring(2), radix)));
    }
    if (t.contains(".") || t.contains("e") || t.contains("E")) {
      return new Const(new SettingValue.Float(Double.parseDouble(t)));
    }
    if (t.length() > MAX_INT_DIGITS) {
      throw SettingsException.at(file, line, "integer literal longer than 4300 digits");
    }
    return new Const(new SettingValue.Int(new BigInteger(t)));
  }

  private static Const text(String s) {
    return new Const(new SettingValue.Str(s));
  }

  /** The literal text and replacement fields of an f-string body. */
  static List<PyNode> fstring(String body, boolean raw, String file, int line) {
    List<PyNode> parts = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      char next = i + 1 < body.length() ? body.charAt(i + 1) : 0;
      if (c == '\\' && next != 0) {
        int end = !raw && next == 'N' && i + 2 < body.length() && body.charAt(i + 2) == '{'
            ? Math.max(body.indexOf('}', i), i + 1) + 1 : i + 2;
        pending.append(body, i, end);
        i = end;
      } else if ((c == '{' || c == '}') && next == c) {
        pending.append(c);
        i += 2;
      } else if (c == '}') {
        throw SettingsException.at(file, line, "f-string: single '}' is not allowed");
      } else if (c == '{') {
        flush(pending, raw, parts, file, line);
        i = field(body, i + 1, raw, parts, file, line);
      } else {
        pending.append(c);
        i++;
      }
    }
    flush(pending, raw, parts, file, line);
    return parts;
  }

  private static void flush(
      StringBuilder pending, boolean raw, List<PyNode> parts, String file, int line) {
    if (pending.length() > 0) {
      String s = pending.toString();
      parts.add(text(raw ? s : PyStrings.decode(s, file, line)));
      pending.setLength(0);
    }
  }

  /** Parses the field starting after its '{'; returns the index after its '}'. */
  private static int field(
      String body, int start, boolean raw, List<PyNode> parts, String file, int line) {
    int i = exprEnd(body, start, file, line);
    String expr = body.substring(start, i);
    if (expr.isBlank()) {
      throw SettingsException.at(file, line, "f-string: empty expression not allowed");
    }
    if (body.charAt(i) == '=') {
      int close = specEnd(body, i + 1, file, line);
      parts.add(new Field(new Unsupported("uses a self-documenting f-string field"), '\0',
          new FStr(List.of())));
      return close + 1;
    }
    char conversion = '\0';
    if (body.charAt(i) == '!') {
      conversion = i + 1 < body.length() ? body.charAt(i + 1) : '\0';
      if ("rsa".indexOf(conversion) < 0 || conversion == '\0') {
        throw SettingsException.at(file, line, "f-string: invalid conversion character");
      }
      i += 2;
    }
    FStr spec = new FStr(List.of());
    if (i < body.length() && body.charAt(i) == ':') {
      int close = specEnd(body, i + 1, file, line);
      spec = new FStr(fstring(body.substring(i + 1, close), raw, file, line));
      i = close;
    }
    if (i >= body.length() || body.charAt(i) != '}') {
      throw SettingsException.at(file, line, "f-string: expecting '}'");
    }
    PyNode node = PyParser.parseAll(PyLexer.expression(expr, file, line), file, line);
    parts.add(new Field(node, conversion, spec));
    return i + 1;
  }

  /** Where the field's expression ends: at a top-level '}', '!', ':' or self-documenting '='. */
  private static int exprEnd(String body, int start, String file, int line) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < body.length(); i++) {
      char c = body.charAt(i);
      char next = i + 1 < body.length() ? body.charAt(i + 1) : 0;
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}' && depth > 0) {
        depth--;
      } else if (depth == 0 && (c == '}' || c == ':' || c == '!' && next != '=')) {
        return i;
      } else if (depth == 0 && c == '=' && next != '=' && "=!<>".indexOf(body.charAt(i - 1)) < 0) {
        return i;
      }
    }
    throw SettingsException.at(file, line, "f-string: expecting '}'");
  }

  /** The index of the '}' that closes a format spec starting at {@code start}. */
  private static int specEnd(String body, int start, String file, int line) {
    int depth = 0;
    for (int i = start; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw SettingsException.at(file, line, "f-string: expecting '}'");
  }
}
