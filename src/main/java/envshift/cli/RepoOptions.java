package envshift.cli;

import envshift.convert.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The repo a command works on. */
final class RepoOptions {
  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "The repository root (default: the current directory).")
  Path repo;

  Path root(Context ctx) {
    return (repo == null ? ctx.cwd() : ctx.cwd().resolve(repo)).normalize();
  }

  /**
   * The repo opened for conversion, its keys from {@code keys} (built on first use), its sources
   * read ahead unless the context says not to.
   */
  Workspace workspace(Context ctx, KeyOptions keys, Runnable decrypted) {
    return new Workspace(root(ctx), repoKeyring -> keys.keyRing(ctx, repoKeyring), decrypted,
        ctx.readAhead());
  }
}
