package envshift.repo;

import envshift.settings.SettingsFormat;

/** What envshift does with a file it found: migrate it, report it as infrastructure, or ask. */
public enum FileKind {
  /** Application settings (Python, dotenv, JSON, YAML, INI): a source to migrate. */
  SETTINGS,
  /** nginx, supervisor, deploy scripts, crontabs: reported as "not migrated", never parsed. */
  INFRA,
  /** Not recognised, or encrypted by something other than OpenPGP: the user decides. */
  UNKNOWN;

  /** The kind that follows from a file's format. */
  public static FileKind of(SettingsFormat format) {
    return switch (format) {
      case PYTHON, DOTENV, JSON, YAML, INI -> SETTINGS;
      case NOT_SETTINGS -> INFRA;
      case WHOLE_FILE -> SETTINGS;
      case UNKNOWN -> UNKNOWN;
    };
  }
}
