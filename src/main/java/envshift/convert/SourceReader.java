package envshift.convert;

import envshift.EnvshiftException;
import envshift.Origin;
import envshift.Parallel;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads one source file of a repo into settings: decrypts it in memory when it holds OpenPGP data
 * (found by content, not by extension), decodes it as UTF-8 and parses it. Each file is decrypted
 * at most once per run, however many environments name it. Plaintext never touches the disk.
 *
 * <p>{@link #readAhead} lets threads decrypt and parse the sources a command is about to load
 * while it converts the ones before; {@link #load} stays the only place a result is taken, on the
 * calling thread and in its order, so what a run shows (values, warnings, progress, the error that
 * stops it) is what reading them one by one shows.
 */
public final class SourceReader {
  /** The threads reading ahead: decrypting is CPU work, one private-key operation per file. */
  private static final String THREAD_NAME = "envshift-decrypt";

  private final Path repoRoot;
  private final Supplier<Decryptor> decryptor;
  /** Told of each file decrypted, for progress on a terminal: by {@link #load}, in its order. */
  private final Runnable decrypted;
  private final boolean readAheadAllowed;
  /**
   * Guarded by this, like {@link #ahead}. Read-ahead threads touch neither: they hand their
   * results to {@link #load}, which caches them as it takes them.
   */
  private final Map<String, LoadedSource> cache = new HashMap<>();
  private Parallel.Ahead<String, LoadedSource> ahead;

  /** The decryptor is asked for lazily: a repo of plaintext sources needs no keys. */
  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor) {
    this(repoRoot, decryptor, () -> { });
  }

  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor, Runnable decrypted) {
    this(repoRoot, decryptor, decrypted, true);
  }

  /**
   * Likewise; without {@code readAheadAllowed}, {@link #readAhead} reads nothing ahead. The
   * decryptor may be asked for from read-ahead threads: it must be safe to share.
   */
  public SourceReader(Path repoRoot, Supplier<Decryptor> decryptor, Runnable decrypted,
      boolean readAheadAllowed) {
    this.repoRoot = repoRoot;
    this.decryptor = decryptor;
    this.decrypted = decrypted;
    this.readAheadAllowed = readAheadAllowed;
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
   * whole as one variable. The file is decrypted once for each way it is read. A result read
   * ahead is taken when there is one; otherwise (not read ahead, not started, or it needed
   * something only this thread may do, or failed there) the source is read here, as if there had
   * been no read-ahead.
   */
  public synchronized LoadedSource load(Source source) {
    String key = key(source);
    LoadedSource loaded = cache.get(key);
    if (loaded != null) return loaded;
    Optional<LoadedSource> early = ahead == null ? Optional.empty() : ahead.take(key);
    if (early.isPresent()) {
      loaded = early.get();
      if (loaded.encrypted()) decrypted.run(); // told as it is taken, in order, as when read here
    } else {
      loaded = read(source);
    }
    cache.put(key, loaded);
    if (ahead != null && loaded.encrypted()) {
      // The key ring is built now and the key that opened this file unlocked (asking, if it had
      // to): workers started any earlier could only have given up on every file of a locked key.
      ahead.start();
    }
    return loaded;
  }

  /**
   * Starts reading {@code sources} ahead of {@link #load}, in this order, on a few threads (as
   * many as processors). Close the handle when the loads are done: sources not started are
   * cancelled and results not taken dropped (their plaintext was wiped when they were parsed).
   * Threads start only once an encrypted source has been loaded here (so the keys are ready and
   * nobody is asked on their behalf), and only for two sources or more; sources already read,
   * or named twice, are read no more. Reads nothing ahead while another read-ahead is open.
   */
  public ReadAhead readAhead(List<Source> sources) {
    return readAhead(sources, Runtime.getRuntime().availableProcessors());
  }

  synchronized ReadAhead readAhead(List<Source> sources, int threads) {
    Map<String, Source> unread = new LinkedHashMap<>();
    for (Source source : sources) {
      String key = key(source);
      if (!cache.containsKey(key)) unread.putIfAbsent(key, source);
    }
    if (!readAheadAllowed || ahead != null || unread.size() < 2) return ReadAhead.none();
    Map<String, Source> byKey = Map.copyOf(unread);
    Parallel.Ahead<String, LoadedSource> started = new Parallel.Ahead<>(
        List.copyOf(unread.keySet()), threads, THREAD_NAME,
        key -> readWithoutAsking(byKey.get(key)));
    ahead = started;
    if (cache.values().stream().anyMatch(LoadedSource::encrypted)) started.start();
    return new ReadAhead(Optional.of(started), () -> close(started));
  }

  private synchronized void close(Parallel.Ahead<String, LoadedSource> which) {
    which.close();
    if (ahead == which) ahead = null;
  }

  /** Two sources read the same way are one read: path, dialect and whole-file name. */
  private static String key(Source source) {
    return source.path() + "\0" + source.dialect() + "\0" + source.as();
  }

  private LoadedSource read(Source source) {
    String relativePath = source.path();
    byte[] raw = readBytes(relativePath);
    if (plain(raw, relativePath)) {
      return new LoadedSource(relativePath, parse(raw, source), false);
    }
    LoadedSource loaded = parseAndWipe(decryptor.get().decrypt(raw, relativePath), source);
    decrypted.run(); // after the parse, as for a source read ahead and taken in load()
    return loaded;
  }

  /**
   * The parsed settings are all we keep: closing wipes the plaintext from the heap, parsed or not,
   * on whichever thread decrypted it.
   */
  static LoadedSource parseAndWipe(DecryptedFile decrypted, Source source) {
    try (DecryptedFile file = decrypted) {
      return new LoadedSource(source.path(), parse(file.plaintext(), source), true);
    }
  }

  /**
   * {@link #read} on a read-ahead thread, leaving out what must happen on the loading thread in
   * order: it never asks for a passphrase, warns or tells progress. Empty when the decryptor
   * could have had to ask or warn; then {@link #load} reads it itself. A failure is thrown away
   * by {@link Parallel.Ahead}, and {@link #load} reads that source again to report it.
   */
  private Optional<LoadedSource> readWithoutAsking(Source source) {
    String relativePath = source.path();
    byte[] raw = readBytes(relativePath);
    if (plain(raw, relativePath)) {
      return Optional.of(new LoadedSource(relativePath, parse(raw, source), false));
    }
    // wiped on this thread as on the loading one: only the parsed settings wait to be taken
    return decryptor.get().decryptWithoutAsking(raw, relativePath)
        .map(file -> parseAndWipe(file, source));
  }

  /**
   * Plain settings: not OpenPGP by content nor by name. A .gpg/.pgp/.asc file that does not look
   * encrypted goes to the decryptor all the same, so a corrupt one is reported as "not an OpenPGP
   * message" rather than parsed as settings.
   */
  private static boolean plain(byte[] raw, String relativePath) {
    return !OpenPgp.looksLikeOpenPgp(raw) && !EncryptedNames.named(relativePath);
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
