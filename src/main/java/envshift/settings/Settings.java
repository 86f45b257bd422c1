package envshift.settings;

import envshift.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   * that format with no settings. A file that yields no setting always carries a warning naming
   * the kind it was read as: a source never yields nothing silently.
   *
   * @throws SettingsException when the file is malformed for its format
   */
  public static SettingsModule parse(String text, String fileName) {
    return parse(text, fileName, Optional.empty());
  }

  /**
   * Like {@link #parse(String, String)}; a named {@code dialect} reads the file as dotenv with
   * that reader's rules, whatever its name or content.
   */
  public static SettingsModule parse(
      String text, String fileName, Optional<DotenvFlavor> dialect) {
    Objects.requireNonNull(dialect, "dialect == null");
    SettingsFormat format = dialect.isPresent() ? SettingsFormat.DOTENV : detect(fileName, text);
    SettingsModule module = switch (format) {
      case PYTHON -> PythonSettingsParser.parse(text, fileName);
      case DOTENV -> DotenvSourceParser.parse(text, fileName, dialect);
      case JSON -> JsonSettingsParser.parse(text, fileName);
      case YAML -> YamlSettingsParser.parse(text, fileName);
      case INI -> IniSettingsParser.parse(text, fileName);
      case NOT_SETTINGS, UNKNOWN, WHOLE_FILE ->
          new SettingsModule(fileName, format, List.of(), List.of());
    };
    if (!module.settings().isEmpty()) {
      return ValueSize.withinFileLimit(module);
    }
    List<ParseWarning> warnings = new ArrayList<>(module.warnings());
    warnings.add(new ParseWarning(Origin.of(fileName), "yields no variable (read as "
        + describe(format) + ")"));
    return new SettingsModule(fileName, format, module.settings(), warnings);
  }

  /**
   * A whole file as one variable: {@code name} holds the file's text exactly (a service-account
   * JSON, a PEM key), byte-order mark and final newline included.
   */
  public static SettingsModule wholeFile(String text, String fileName, String name) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(fileName, "fileName == null");
    Objects.requireNonNull(name, "name == null");
    Setting whole = new Setting(name, new SettingValue.Str(text), Origin.of(fileName));
    return new SettingsModule(fileName, SettingsFormat.WHOLE_FILE, List.of(whole), List.of());
  }

  /** The kind a file was read as, for messages. */
  public static String describe(SettingsFormat format) {
    return switch (format) {
      case PYTHON -> "Python settings";
      case DOTENV -> "dotenv";
      case JSON -> "JSON";
      case YAML -> "YAML";
      case INI -> "INI";
      case WHOLE_FILE -> "one whole-file variable";
      case NOT_SETTINGS -> "infrastructure, not settings";
      case UNKNOWN -> "an unrecognised file; to read it as dotenv, name it in envshift.yml as "
          + "{file: ..., dialect: compose}";
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
