package envshift.settings;

import envshift.Secret;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The only way envshift writes a dotenv file. Each variable is written as {@code NAME="value"} when
 * the value has no {@code "}, {@code \}, {@code $} or CR, a form docker compose, python-dotenv and
 * dotenv-java all read back unchanged; other values use the flavor's own quoting, and a value the
 * flavor cannot express is refused, naming the variable. Before returning, the text is read back
 * with {@link DotenvReader} and every value compared; a difference is an error, never a silent
 * change.
 */
public final class DotenvWriter {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private DotenvWriter() {}

  /**
   * The file text: UTF-8 content, LF line ends, one {@code NAME=...} line (or quoted block) per
   * variable in the map's order, no {@code export}, no comments.
   *
   * @throws SettingsException naming the variable whose value cannot be written for this flavor
   */
  public static String write(Map<String, Secret> vars, DotenvFlavor flavor) {
    Objects.requireNonNull(vars, "vars == null");
    Objects.requireNonNull(flavor, "flavor == null");
    StringBuilder out = new StringBuilder();
    vars.forEach((name, secret) -> out.append(entry(name, secret.reveal(), flavor)).append('\n'));
    String text = out.toString();
    verify(text, vars, flavor);
    return text;
  }

  private static String entry(String name, String value, DotenvFlavor flavor) {
    if (!NAME.matcher(name).matches()) {
      throw new SettingsException("variable name " + name + " is not [A-Za-z_][A-Za-z0-9_]*");
    }
    if (value.indexOf('\0') >= 0) {
      throw refusal(name, "contains a NUL character, which no environment variable can hold");
    }
    if (!StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .canEncode(value)) {
      throw refusal(name, "is not valid Unicode text");
    }
    if (isUniversal(value)) {
      return name + "=\"" + value + "\"";
    }
    return name + "=" + (flavor == DotenvFlavor.COMPOSE ? compose(value) : python(name, value));
  }

  /** Read identically by docker compose, python-dotenv and dotenv-java. */
  static boolean isUniversal(String value) {
    return value.indexOf('"') < 0 && value.indexOf('\\') < 0 && value.indexOf('$') < 0
        && value.indexOf('\r') < 0;
  }

  /** compose: single quotes are literal; otherwise double quotes with escapes and $$. */
  private static String compose(String value) {
    if (value.indexOf('\'') < 0 && value.indexOf('\\') < 0 && value.indexOf('\r') < 0) {
      return "'" + value + "'";
    }
    return "\"" + escape(value, true) + "\"";
  }

  /**
   * python-dotenv: double quotes with escapes; {@code ${} cannot be written at all (it is expanded
   * even in single quotes), and a trailing backslash only unquoted (quoted, it escapes the quote).
   */
  private static String python(String name, String value) {
    if (value.contains("${")) {
      throw refusal(name, "contains \"${\", which python-dotenv always expands");
    }
    if (!value.endsWith("\\")) {
      return "\"" + escape(value, false) + "\"";
    }
    if (isPlainUnquoted(value)) {
      return value;
    }
    throw refusal(name, "ends with a backslash and python-dotenv can read that only unquoted, "
        + "which this value does not allow");
  }

  /** python-dotenv reads {@code NAME=value} back as the same text. */
  private static boolean isPlainUnquoted(String value) {
    return !value.isEmpty() && value.equals(value.strip()) && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0 && value.charAt(0) != '\'' && value.charAt(0) != '"'
        && !Pattern.compile("\\s#", Pattern.UNICODE_CHARACTER_CLASS).matcher(value).find();
  }

  private static String escape(String value, boolean compose) {
    StringBuilder b = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '$' -> b.append(compose ? "$$" : "$");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Reads the text back as the flavor's reader would and requires every value unchanged. */
  private static void verify(String text, Map<String, Secret> vars, DotenvFlavor flavor) {
    LinkedHashMap<String, String> read;
    try {
      read = DotenvReader.read(text, flavor, ".env");
    } catch (SettingsException e) {
      vars.forEach((name, secret) -> verify(name, secret, flavor));
      throw new SettingsException("the written .env would not read back with " + label(flavor));
    }
    for (Map.Entry<String, Secret> e : vars.entrySet()) {
      String back = read.get(e.getKey());
      if (back == null || !Secret.of(back).sameAs(e.getValue())) {
        throw refusal(e.getKey(), "would read back differently with " + label(flavor));
      }
    }
    if (read.size() != vars.size()) {
      throw new SettingsException("the written .env would read back with other variables");
    }
  }

  /** Finds the variable that breaks the file by reading each one alone. */
  private static void verify(String name, Secret secret, DotenvFlavor flavor) {
    String back;
    try {
      back = DotenvReader.read(entry(name, secret.reveal(), flavor) + "\n", flavor, ".env")
          .get(name);
    } catch (SettingsException e) {
      throw refusal(name, "would not read back with " + label(flavor));
    }
    if (back == null || !Secret.of(back).sameAs(secret)) {
      throw refusal(name, "would read back differently with " + label(flavor));
    }
  }

  private static String label(DotenvFlavor flavor) {
    return flavor == DotenvFlavor.COMPOSE ? "docker compose" : "python-dotenv";
  }

  private static SettingsException refusal(String name, String why) {
    return new SettingsException(name + ": " + why + "; it cannot be written to the .env");
  }
}
