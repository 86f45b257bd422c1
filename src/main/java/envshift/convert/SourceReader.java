package envshift.convert;

import envshift.EnvshiftException;
import envshift.Origin;
import envshift.SecureFiles;
import envshift.manifest.Source;
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
  /** Told of each file decrypted, for progress on a terminal. */
  private final Runnable decrypted;

  /** The decryptor is asked for lazily: a repo of plaintext sources needs no keys. */
  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor) {
    this(repoRoot, decryptor, () -> { });
  }

  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor, Runnable decrypted) {
    this.repoRoot = repoRoot;
    this.decryptor = decryptor;
    this.decrypted = decrypted;
  }

  public Path repoRoot() {
    return repoRoot;
  }

  /** Parses a repo-relative source, decrypting it first when needed. */
  public LoadedSource load(String relativePath) {
    return load(new Source(relativePath, Origin.of(relativePath)));
  }

  /**
   * Reads a manifest source as it says: by its name and content, with a named dotenv dialect, or
   * whole as one variable. The file is decrypted once for each way it is read.
   */
  public LoadedSource load(Source source) {
    String key = source.path() + "\0" + source.dialect() + "\0" + source.as();
    return cache.computeIfAbsent(key, k -> read(source));
  }

  private LoadedSource read(Source source) {
    String relativePath = source.path();
    byte[] raw = readBytes(relativePath);
    // A .gpg/.pgp/.asc file that does not look encrypted goes to the decryptor all the same, so a
    // corrupt one is reported as "not an OpenPGP message" rather than parsed as settings.
    if (!OpenPgp.looksLikeOpenPgp(raw) && !EncryptedNames.named(relativePath)) {
      return new LoadedSource(relativePath, parse(raw, source), false);
    }
    // the parsed settings are all we keep; closing wipes the plaintext from the heap
    try (DecryptedFile file = decryptor.get().decrypt(raw, relativePath)) {
      decrypted.run();
      return new LoadedSource(relativePath, parse(file.plaintext(), source), true);
    }
  }

  private static SettingsModule parse(byte[] plaintext, Source source) {
    String path = source.path();
    if (source.as().isPresent()) {
      // byte for byte: a byte-order mark or a final newline is part of the value
      return Settings.wholeFile(Utf8Text.decodeExactly(plaintext, path), path, source.as().get());
    }
    try {
      return Settings.parse(Utf8Text.decode(plaintext, path), path, source.dialect());
    } catch (StackOverflowError e) {
      // a construct nested deeper than any real settings file exhausts the stack: say where
      throw new EnvshiftException(path + ": nested too deeply for envshift to read", e);
    } catch (EnvshiftException e) {
      throw e;
    } catch (RuntimeException e) {
      // a parser bug must still name the file, and never its text (the message is dropped)
      throw new EnvshiftException(path + ": envshift could not read this file (internal error "
          + e.getClass().getSimpleName() + "; rerun with --debug and report it)", e);
    }
  }

  private byte[] readBytes(String relativePath) {
    return SecureFiles.read(repoRoot.resolve(relativePath), relativePath);
  }

  /** A parsed source and whether it was encrypted in the repo. */
  public record LoadedSource(String path, SettingsModule module, boolean encrypted) {}
}
