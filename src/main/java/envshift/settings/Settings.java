package envshift.settings;

import java.util.List;
import java.util.Objects;

/**
 * The entry point of the settings package: decode a decrypted file, tell what kind of file it is,
 * and parse it with the right parser. Parsing never executes anything and never reads the process
 * environment.
 */
public final class Settings {
  private Settings() {}

  /**
   * What kind of file this is, by its name without a {@code .gpg}/{@code .asc}/{@code .pgp} suffix
   * and by its content. Infrastructure (nginx, supervisor, cron, shell scripts) is {@link
   * SettingsFormat#NOT_SETTINGS}; what is recognised as neither is {@link SettingsFormat#UNKNOWN}.
   */
  public static SettingsFormat detect(String fileName, String text) {
    Objects.requireNonNull(fileName, "fileName == null");
    Objects.requireNonNull(text, "text == null");
    return FileKinds.detect(fileName, text);
  }

  /**
   * What kind of file this is by its name (or repo-relative path) alone, for files not read yet:
   * the same rules as {@link #detect} without the content checks, so the ambiguous {@code .cfg}
   * and {@code .conf} names stay {@link SettingsFormat#UNKNOWN}.
   */
  public static SettingsFormat formatOf(String fileName) {
    Objects.requireNonNull(fileName, "fileName == null");
    return FileKinds.byName(fileName);
  }

  /**
   * Parses with the parser for the detected format; NOT_SETTINGS and UNKNOWN files give a module of
   * that format with no settings.
   *
   * @throws SettingsException when the file is malformed for its format
   */
  public static SettingsModule parse(String text, String fileName) {
    SettingsFormat format = detect(fileName, text);
    return switch (format) {
      case PYTHON -> PythonSettingsParser.parse(text, fileName);
      case DOTENV -> DotenvSourceParser.parse(text, fileName);
      case JSON -> JsonSettingsParser.parse(text, fileName);
      case YAML -> YamlSettingsParser.parse(text, fileName);
      case INI -> IniSettingsParser.parse(text, fileName);
      case NOT_SETTINGS, UNKNOWN -> new SettingsModule(fileName, format, List.of(), List.of());
    };
  }

  /**
   * The text of a decrypted file: strict UTF-8, a leading byte-order mark dropped.
   *
   * @throws SettingsException {@code file:LINE: not UTF-8 text} at the first bad byte
   */
  public static String decode(byte[] plaintext, String fileName) {
    Objects.requireNonNull(plaintext, "plaintext == null");
    Objects.requireNonNull(fileName, "fileName == null");
    return Utf8Text.decode(plaintext, fileName);
  }
}
