package envshift.repo;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes scalars and flow sequences that YAML 1.1 and 1.2 parsers both read back as strings. */
final class YamlText {
  /** Plain scalars that are safe in block and flow context alike. */
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./+@-]*");

  /**
   * Plain scalars that YAML 1.1 (SnakeYAML, under Jackson) would read as a bool, null, number or
   * date.
   */
  private static final Pattern RESOLVES =
      Pattern.compile(
          "(?i)y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9_.]+(e[-+]?[0-9]+)?|0x[0-9a-f_]+"
              + "|[-+]?\\.(inf|nan)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");

  private YamlText() {}

  /** A string as a YAML scalar: plain when that reads back as the same string, else quoted. */
  static String scalar(String value) {
    if (PLAIN.matcher(value).matches() && !RESOLVES.matcher(value).matches()) {
      return value;
    }
    StringBuilder quoted = new StringBuilder("\"");
    value.codePoints().forEach(c -> quoted.append(escape(c)));
    return quoted.append('"').toString();
  }

  /** A flow sequence: {@code [a, b]}. */
  static String flow(List<String> values) {
    return values.stream().map(YamlText::scalar).collect(Collectors.joining(", ", "[", "]"));
  }

  private static String escape(int c) {
    if (c == '"' || c == '\\') {
      return "\\" + (char) c;
    }
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0x2028 || c == 0x2029) {
      return String.format("\\u%04X", c);
    }
    return new String(Character.toChars(c));
  }
}
