package envshift.manifest;

import java.util.List;
import java.util.Optional;

/**
 * envshift.yml as written: the shape is checked (known keys, right types) but not the meaning.
 * Every value keeps its line so {@link ManifestValidator} can point at it. Optional means the key
 * was absent or null.
 */
record ManifestFile(
    int line,
    Optional<Located<String>> version,
    Optional<Located<List<Located<String>>>> recipients,
    Optional<Located<List<Env>>> environments,
    List<Rename> rename,
    List<Located<String>> drop,
    Optional<Located<List<Located<String>>>> secrets,
    List<Located<String>> same,
    List<Located<String>> envSpecific) {

  /** A value and the line it is on. */
  record Located<T>(T value, int line) {}

  /**
   * One entry under {@code environments:}; {@code name.line()} is the line of its key. {@code live}
   * lists the vars that belong to the Heroku app since {@code envshift rotate}.
   */
  record Env(
      Located<String> name,
      Optional<Located<List<SourceEntry>>> sources,
      Optional<Located<String>> dotenv,
      Optional<Heroku> heroku,
      Optional<Located<List<Located<String>>>> live) {}

  /**
   * One entry under {@code sources:}: a path, or {@code {file: PATH, dialect: D}} / {@code {file:
   * PATH, as: NAME}}. {@code file.line()} is the entry's line.
   */
  record SourceEntry(
      Located<String> file, Optional<Located<String>> dialect, Optional<Located<String>> as) {}

  record Heroku(
      int line,
      Optional<Located<String>> app,
      Optional<Located<String>> pipeline,
      Optional<Located<String>> stage) {}

  /** {@code from: to} under {@code rename:}; {@code from.line()} is the line of the entry. */
  record Rename(Located<String> from, Located<String> to) {}
}
