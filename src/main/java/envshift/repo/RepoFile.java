package envshift.repo;

import envshift.settings.SettingsFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a legacy repo that matters for a migration.
 *
 * @param path repo-relative, with '/' separators, as found on disk (e.g. {@code configs/x.py.gpg})
 * @param kind what envshift does with it; follows {@code format}
 * @param format by name, after stripping .gpg/.asc/.pgp; UNKNOWN when the content was rejected
 * @param encrypted the content is an OpenPGP message (found by content, not by extension)
 * @param armored the OpenPGP message is ASCII-armored
 * @param environment the guessed environment; empty when the name does not tell
 * @param inBlackbox the file (or its plaintext path) is listed in blackbox-files.txt
 */
public record RepoFile(
    String path,
    FileKind kind,
    SettingsFormat format,
    boolean encrypted,
    boolean armored,
    Optional<String> environment,
    boolean inBlackbox) {
  public RepoFile {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(environment, "environment == null");
    if (armored && !encrypted) {
      throw new IllegalArgumentException("armored but not encrypted: " + path);
    }
  }
}
