package envshift.cli;

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
}
