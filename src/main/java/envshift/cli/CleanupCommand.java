package envshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envshift cleanup}: not built yet. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, description = "After a migration: verify every migrated value is live, then remove the legacy encrypted files.")
final class CleanupCommand implements Callable<Integer> {
  @ParentCommand Envshift root;

  @Override
  public Integer call() {
    throw new envshift.EnvshiftException("envshift cleanup is not implemented yet");
  }
}
