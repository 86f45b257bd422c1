package envshift.settings;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Reads a JSON settings file (service-account keys, credentials.json...): the top level must be an
 * object; each top-level key is a setting, with ints as {@link SettingValue.Int}, floats as {@link
 * SettingValue.Float} and nested objects and arrays as dicts and lists.
 */
public final class JsonSettingsParser {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonSettingsParser() {}

  public static SettingsModule parse(String text, String fileName) {
    return JacksonSettings.parse(FACTORY, strip(text), fileName, SettingsFormat.JSON);
  }

  static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
