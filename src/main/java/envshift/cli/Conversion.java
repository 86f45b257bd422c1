package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader;
import envshift.convert.SourceReader;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import envshift.repo.BlackboxLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the conversion commands share: the repo's manifest, its keys (loaded lazily: a repo of
 * plaintext sources needs none) and the loader that turns an environment into env vars.
 */
final class Conversion {
  private final Path root;
  private final Manifest manifest;
  private final Context ctx;
  private final KeyOptions keys;
  private KeyRing keyRing;
  private final EnvironmentLoader loader;

  Conversion(Context ctx, RepoOptions repo, KeyOptions keys) {
    this.ctx = ctx;
    this.keys = keys;
    this.root = repo.root(ctx);
    this.manifest = ManifestLoader.load(root);
    this.loader =
        new EnvironmentLoader(manifest, new SourceReader(root, () -> new Decryptor(keyRing())));
  }

  Path root() {
    return root;
  }

  /** A path as the user would write it: relative to the repo when inside it. */
  String shown(Path path) {
    return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
  }

  Manifest manifest() {
    return manifest;
  }

  /** An environment the command needs; its absence is bad input (exit 1), saying {@code why}. */
  Environment environment(String name, String why) {
    return manifest.environments().stream()
        .filter(e -> e.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new EnvshiftException(
                    manifest.file() + ": no '" + name + "' environment (" + why + ")"));
  }

  EnvironmentLoader loader() {
    return loader;
  }

  KeyRing keyRing() {
    if (keyRing == null) keyRing = keys.keyRing(ctx, repoKeyring());
    return keyRing;
  }

  Optional<Path> repoKeyring() {
    return BlackboxLayout.find(root).flatMap(BlackboxLayout::pubring);
  }

  /** Parse warnings and mapping notes of a loaded environment, one line each, on stderr. */
  static void report(EnvironmentLoader.LoadedEnvironment env, PrintWriter err) {
    env.warnings()
        .forEach(w -> err.println("envshift: warning: " + w.origin() + ": " + w.message()));
    env.vars()
        .notes()
        .forEach(n -> err.println("envshift: note: " + n.origin() + ": " + n.message()));
  }
}
