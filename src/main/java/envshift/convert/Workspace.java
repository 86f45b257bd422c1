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
 * and building it may prompt for a passphrase.
 */
public final class Workspace {
  private final Path root;
  private final Manifest manifest;
  private final Function<Optional<Path>, KeyRing> keyRings;
  private final EnvironmentLoader loader;
  private KeyRing keyRing;

  /**
   * @param keyRings builds the key ring, given the repo's own public keyring (blackbox) if any
   */
  public Workspace(Path root, Function<Optional<Path>, KeyRing> keyRings) {
    this(root, keyRings, () -> { });
  }

  /** Likewise; {@code decrypted} is told of each source file decrypted (progress). */
  public Workspace(Path root, Function<Optional<Path>, KeyRing> keyRings, Runnable decrypted) {
    this.root = root;
    this.keyRings = keyRings;
    this.manifest = ManifestLoader.load(root);
    this.loader = new EnvironmentLoader(manifest,
        new SourceReader(root, () -> new Decryptor(keyRing()), decrypted));
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

  public KeyRing keyRing() {
    if (keyRing == null) keyRing = keyRings.apply(repoKeyring());
    return keyRing;
  }

  public Optional<Path> repoKeyring() {
    return BlackboxLayout.find(root).flatMap(BlackboxLayout::pubring);
  }
}
