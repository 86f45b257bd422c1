package envshift.convert;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.OpenPgp;
import envshift.settings.EncryptedNames;
import envshift.settings.Settings;
import envshift.settings.SettingsModule;
import envshift.settings.Utf8Text;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one source file of a repo into settings: decrypts it in memory when it holds OpenPGP data
 * (found by content, not by extension), decodes it as UTF-8 and parses it. Each file is decrypted
 * at most once per run, however many environments name it. Plaintext never touches the disk.
 */
public final class SourceReader {
  private final Path repoRoot;
  private final Supplier<Decryptor> decryptor;
  private final Map<String, LoadedSource> cache = new HashMap<>();

  /** The decryptor is asked for lazily: a repo of plaintext sources needs no keys. */
  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor) {
    this.repoRoot = repoRoot;
    this.decryptor = decryptor;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  /** Parses a repo-relative source, decrypting it first when needed. */
  public LoadedSource load(String relativePath) {
    return cache.computeIfAbsent(relativePath, this::read);
  }

  private LoadedSource read(String relativePath) {
    byte[] raw = readBytes(relativePath);
    // A .gpg/.pgp/.asc file that does not look encrypted goes to the decryptor all the same, so a
    // corrupt one is reported as "not an OpenPGP message" rather than parsed as settings.
    if (!OpenPgp.looksLikeOpenPgp(raw) && !EncryptedNames.named(relativePath)) {
      String text = Utf8Text.decode(raw, relativePath);
      return new LoadedSource(relativePath, parse(text, relativePath), false);
    }
    // the parsed settings are all we keep; closing wipes the plaintext from the heap
    try (DecryptedFile decrypted = decryptor.get().decrypt(raw, relativePath)) {
      String text = Utf8Text.decode(decrypted.plaintext(), relativePath);
      return new LoadedSource(relativePath, parse(text, relativePath), true);
    }
  }

  /** A construct nested deeper than any real settings file exhausts the stack: say where. */
  private static SettingsModule parse(String text, String relativePath) {
    try {
      return Settings.parse(text, relativePath);
    } catch (StackOverflowError e) {
      throw new EnvshiftException(relativePath + ": nested too deeply for envshift to read", e);
    }
  }

  private byte[] readBytes(String relativePath) {
    return SecureFiles.read(repoRoot.resolve(relativePath), relativePath);
  }

  /** A parsed source and whether it was encrypted in the repo. */
  public record LoadedSource(String path, SettingsModule module, boolean encrypted) {}
}
