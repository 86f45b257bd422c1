package envshift.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import envshift.Origin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON or YAML document token by token into settings: each top-level key is a setting with
 * the line it is on; values become {@link SettingValue}s (YAML aliases and {@code <<} merge keys
 * are resolved as PyYAML's safe loader does). Jackson's own messages quote the document, so they
 * are never passed on: errors say only where and roughly what.
 *
 * <p>An alias shares its anchor's value, so a few lines can describe an enormous value (the
 * "billion laughs"): the settings that use aliases may together write out to at most {@link
 * ValueSize#LIMIT} characters.
 */
final class JacksonSettings {
  /** Jackson's StreamReadConstraints messages: numbers only, never document text. */
  private static final Pattern BOUND = Pattern.compile(
      "^(Document nesting depth|Number value length|String value length|Name length) \\(\\d+\\)"
          + " exceeds the maximum allowed \\((\\d+)");
  private final JsonParser p;
  private final String file;
  private final SettingsFormat format;
  private final String text;
  private final Map<String, SettingValue> anchors = new HashMap<>();
  /** Whether the setting being read used an alias. */
  private boolean aliased;
  /** What the settings read so far that used aliases write out to, in characters. */
  private long aliasedSize;
  /** The last code-point offset turned into a char offset, and that char offset. */
  private long codePointCursor;
  private int charCursor;

  private JacksonSettings(JsonParser p, String text, String file, SettingsFormat format) {
    this.p = p;
    this.text = text;
    this.file = file;
    this.format = format;
  }

  static SettingsModule parse(
      JsonFactory factory, String text, String file, SettingsFormat format) {
    try (JsonParser p = factory.createParser(text)) {
      return new JacksonSettings(p, text, file, format).document();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw SettingsException.at(file, at == null ? 0 : at.getLineNr(), describe(e, format));
    } catch (IOException e) {
      throw SettingsException.at(file, 0, "cannot be read as " + format);
    }
  }

  private SettingsModule document() throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT || isAlias()) {
      throw SettingsException.at(file, t == null ? 1 : line(), format == SettingsFormat.JSON
          ? "the top level must be an object" : "the top level must be a mapping");
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    List<ParseWarning> warnings = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      Origin origin = new Origin(file, line());
      aliased = false;
      SettingValue value = value(p.nextToken());
      if (aliased) {
        boundAliases(name, value, origin);
      }
      if (format == SettingsFormat.YAML && name.equals("<<")) {
        warnings.add(new ParseWarning(origin, "skipped a top-level merge key (<<)"));
        continue;
      }
      Setting earlier = settings.get(name);
      if (earlier != null) {
        warnings.add(new ParseWarning(origin, name + ": defined again (first at line "
            + earlier.origin().line() + "): the last value wins"));
      }
      settings.put(name, new Setting(name, value, origin));
    }
    if (p.nextToken() != null) {
      throw SettingsException.at(file, line(), format == SettingsFormat.JSON
          ? "unexpected content after the top-level object" : "more than one YAML document");
    }
    return new SettingsModule(file, format, List.copyOf(settings.values()), warnings);
  }

  private SettingValue value(JsonToken t) throws IOException {
    if (isAlias()) {
      SettingValue v = anchors.get(p.getText());
      if (v == null) {
        throw SettingsException.at(file, line(), "an alias refers to an unknown anchor");
      }
      aliased = true;
      return v;
    }
    String anchor = anchor(t);
    SettingValue v = switch (t) {
      case START_OBJECT -> object();
      case START_ARRAY -> array();
      case VALUE_STRING -> new SettingValue.Str(p.getText());
      case VALUE_NUMBER_INT -> new SettingValue.Int(p.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT -> new SettingValue.Float(real(p.getText()));
      case VALUE_TRUE -> new SettingValue.Bool(true);
      case VALUE_FALSE -> new SettingValue.Bool(false);
      case VALUE_NULL -> SettingValue.None.INSTANCE;
      default -> throw SettingsException.at(file, line(), "unsupported value (binary data?)");
    };
    if (anchor != null) {
      anchors.put(anchor, v);
    }
    return v;
  }

  private SettingValue object() throws IOException {
    Map<String, SettingValue> own = new LinkedHashMap<>();
    List<SettingValue> merges = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      SettingValue v = value(p.nextToken());
      if (format == SettingsFormat.YAML && name.equals("<<")) {
        merges.add(v);
      } else {
        own.put(name, v);
      }
    }
    return new SettingValue.DictValue(merges.isEmpty() ? own : merged(merges, own));
  }

  /** PyYAML's merge: earlier merge sources win over later ones, and the mapping's own keys win. */
  private Map<String, SettingValue> merged(
      List<SettingValue> merges, Map<String, SettingValue> own) {
    List<SettingValue.DictValue> sources = new ArrayList<>();
    for (SettingValue m : merges) {
      List<SettingValue> items = m instanceof SettingValue.ListValue l ? l.items() : List.of(m);
      for (SettingValue item : items) {
        if (!(item instanceof SettingValue.DictValue d)) {
          throw SettingsException.at(file, line(), "a merge key (<<) must refer to mappings");
        }
        sources.add(d);
      }
    }
    Map<String, SettingValue> result = new LinkedHashMap<>();
    for (int i = sources.size() - 1; i >= 0; i--) {
      result.putAll(sources.get(i).entries());
    }
    result.putAll(own);
    return result;
  }

  private SettingValue array() throws IOException {
    List<SettingValue> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      items.add(value(t));
    }
    return new SettingValue.ListValue(items, false);
  }

  private void boundAliases(String name, SettingValue value, Origin origin) {
    long left = ValueSize.LIMIT - aliasedSize;
    long size = ValueSize.measure(value, left);
    if (size > left) {
      throw SettingsException.at(file, origin.line(), name + ": YAML aliases make the settings "
          + "that use them longer than envshift's bound of " + ValueSize.LIMIT
          + " characters (see docs/security.md)");
    }
    aliasedSize += size;
  }

  /**
   * The anchor on the current node. Jackson reports it for mappings and sequences only; a
   * scalar's anchor ({@code key: &name value}) is read from the source, where the scalar's
   * location starts at its properties (anchor and tag, in either order).
   */
  private String anchor(JsonToken t) {
    if (!(p instanceof YAMLParser y)) {
      return null;
    }
    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
      return y.getCurrentAnchor();
    }
    int i = charOffset(p.currentTokenLocation().getCharOffset());
    while (i >= 0 && i < text.length() && (text.charAt(i) == '&' || text.charAt(i) == '!')) {
      int end = i + 1;
      while (end < text.length() && !isYamlSpace(text.charAt(end))
          && (text.charAt(i) == '!' || ",[]{}".indexOf(text.charAt(end)) < 0)) {
        end++;
      }
      if (text.charAt(i) == '&') {
        return text.substring(i + 1, end);
      }
      i = end;
      while (i < text.length() && isYamlSpace(text.charAt(i))) {
        i++;
      }
    }
    return null;
  }

  private static boolean isYamlSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  /** SnakeYAML counts code points; Java strings count chars (two for a supplementary one). */
  private int charOffset(long codePoints) {
    if (codePoints < 0) {
      return -1;
    }
    if (codePoints < codePointCursor) {
      codePointCursor = 0;
      charCursor = 0;
    }
    while (codePointCursor < codePoints && charCursor < text.length()) {
      charCursor += Character.charCount(text.codePointAt(charCursor));
      codePointCursor++;
    }
    return charCursor;
  }

  private double real(String text) {
    String t = text.replace("_", "");
    switch (t.toLowerCase(java.util.Locale.ROOT)) {
      case ".inf", "+.inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.parseDouble(t);
        } catch (NumberFormatException e) {
          throw SettingsException.at(file, line(), "invalid number");
        }
      }
    }
  }

  private boolean isAlias() {
    return p instanceof YAMLParser y && y.isCurrentAlias();
  }

  private int line() {
    return p.currentTokenLocation().getLineNr();
  }

  /** A fixed description: Jackson's and SnakeYAML's messages quote the offending text. */
  private static String describe(JsonProcessingException e, SettingsFormat format) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
      return "unexpected end of " + format + " input";
    }
    if (original.startsWith("Unexpected character") || original.startsWith("Unrecognized token")) {
      return "invalid " + format + ": unexpected character";
    }
    Matcher bound = BOUND.matcher(original);
    if (bound.find()) {
      String what = switch (bound.group(1)) {
        case "Document nesting depth" -> "nested deeper than " + bound.group(2) + " levels";
        case "Number value length" -> "a number longer than " + bound.group(2) + " characters";
        case "String value length" -> "a string longer than " + bound.group(2) + " characters";
        default -> "a name longer than " + bound.group(2) + " characters";
      };
      return what + " (a bound of the " + format + " reader, see docs/security.md)";
    }
    if (original.contains("numeric value") || original.contains("Number")) {
      return "invalid " + format + ": bad number";
    }
    return "invalid " + format;
  }
}
