package envshift.convert;

import envshift.EnvshiftException;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.OpenPgp;
import envshift.settings.Settings;
import envshift.settings.SettingsModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads one source file of a repo into settings: decrypts it in memory when it holds OpenPGP data (found
 * by content, not by extension), decodes it as UTF-8 and parses it. Each file is decrypted at most once
 * per run, however many environments name it. Plaintext never touches the disk.
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
    if (!OpenPgp.looksLikeOpenPgp(raw)) {
      String text = Settings.decode(raw, relativePath);
      return new LoadedSource(relativePath, Settings.parse(text, relativePath), false);
    }
    DecryptedFile decrypted = decryptor.get().decrypt(raw, relativePath);
    String text = Settings.decode(decrypted.plaintext(), relativePath);
    SettingsModule module = Settings.parse(text, relativePath);
    return new LoadedSource(relativePath, module, true);
  }

  private byte[] readBytes(String relativePath) {
    Path file = repoRoot.resolve(relativePath);
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new EnvshiftException(relativePath + ": no such file", e);
    } catch (IOException e) {
      throw new EnvshiftException(relativePath + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** A parsed source and whether it was encrypted in the repo. */
  public record LoadedSource(String path, SettingsModule module, boolean encrypted) {}
}
