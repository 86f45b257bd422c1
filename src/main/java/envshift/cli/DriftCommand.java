package envshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envshift drift}: not built yet. */
@Command(name = "drift", mixinStandardHelpOptions = true, description = "Compare config vars across apps and against the repo, without showing values.")
final class DriftCommand implements Callable<Integer> {
  @ParentCommand Envshift root;

  @Override
  public Integer call() {
    throw new envshift.EnvshiftException("envshift drift is not implemented yet");
  }
}
