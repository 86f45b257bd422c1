package envshift.settings;

/** What kind of file a source is, decided by content and by its name without .gpg/.asc/.pgp. */
public enum SettingsFormat {
  PYTHON,
  DOTENV,
  JSON,
  YAML,
  INI,
  /** A file taken whole as one variable ({@code as:} in envshift.yml), never parsed. */
  WHOLE_FILE,
  /** nginx, supervisor, shell scripts, crontabs...: recognised, reported "not migrated", never parsed. */
  NOT_SETTINGS,
  /** Neither recognised as settings nor as infrastructure. */
  UNKNOWN
}
