package envshift.convert;

import envshift.EnvshiftException;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import envshift.repo.BlackboxLayout;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * A repo opened for conversion: its manifest, its keys and the loader that turns an environment
 * into env vars. The key ring is built on first use, since a repo of plaintext sources needs none
 * and building it may prompt for a passphrase. It has one owner, this workspace: built at most
 * once, even when the loader's read-ahead threads ask for it at the same time as the command's.
 */
public final class Workspace {
  private final Path root;
  private final Manifest manifest;
  private final Function<Optional<Path>, KeyRing> keyRings;
  private final EnvironmentLoader loader;
  /** Guarded by this: the key ring once built, or why it could not be (thrown again, not redone). */
  private KeyRing keyRing;
  private RuntimeException keyRingFailure;

  /**
   * @param keyRings builds the key ring, given the repo's own public keyring (blackbox) if any
   */
  public Workspace(Path root, Function<Optional<Path>, KeyRing> keyRings) {
    this(root, keyRings, () -> { });
  }

  /** Likewise; {@code decrypted} is told of each source file decrypted (progress). */
  public Workspace(Path root, Function<Optional<Path>, KeyRing> keyRings, Runnable decrypted) {
    this(root, keyRings, decrypted, true);
  }

  /**
   * Likewise; without {@code readAhead} the loader reads every source on the calling thread only
   * (the sequential reference the read-ahead is tested against).
   */
  public Workspace(Path root, Function<Optional<Path>, KeyRing> keyRings, Runnable decrypted,
      boolean readAhead) {
    this.root = root;
    this.keyRings = keyRings;
    this.manifest = ManifestLoader.load(root);
    this.loader = new EnvironmentLoader(manifest,
        new SourceReader(root, () -> new Decryptor(keyRing()), decrypted, readAhead));
  }

  public Path root() {
    return root;
  }

  /** A path as the user would write it: relative to the repo when inside it. */
  public String shown(Path path) {
    return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
  }

  public Manifest manifest() {
    return manifest;
  }

  /** An environment the command needs; its absence is bad input (exit 1), saying {@code why}. */
  public Environment environment(String name, String why) {
    return manifest.environments().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new EnvshiftException(
                    manifest.file() + ": no '" + name + "' environment (" + why + ")"));
  }


  public EnvironmentLoader loader() {
    return loader;
  }

  /**
   * The key ring, built on the first call. A build that failed is not retried: every caller gets
   * the same failure, so the first encrypted source in manifest order reports it as it always did.
   */
  public synchronized KeyRing keyRing() {
    if (keyRingFailure != null) throw keyRingFailure;
    if (keyRing == null) {
      try {
        keyRing = keyRings.apply(repoKeyring());
      } catch (RuntimeException e) {
        keyRingFailure = e;
        throw e;
      }
    }
    return keyRing;
  }

  public Optional<Path> repoKeyring() {
    return BlackboxLayout.find(root).flatMap(BlackboxLayout::pubring);
  }
}
