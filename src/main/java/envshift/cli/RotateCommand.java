package envshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envshift rotate}: not built yet. */
@Command(name = "rotate", mixinStandardHelpOptions = true, description = "Generate new values for secrets, push them in one release, keep the old ones recoverable.")
final class RotateCommand implements Callable<Integer> {
  @ParentCommand Envshift root;

  @Override
  public Integer call() {
    throw new envshift.EnvshiftException("envshift rotate is not implemented yet");
  }
}
