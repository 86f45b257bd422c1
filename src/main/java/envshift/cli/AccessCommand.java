package envshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envshift access}: not built yet. */
@Command(name = "access", mixinStandardHelpOptions = true, description = "Who can read each encrypted file; with --key, what a key could read.")
final class AccessCommand implements Callable<Integer> {
  @ParentCommand Envshift root;

  @Override
  public Integer call() {
    throw new envshift.EnvshiftException("envshift access is not implemented yet");
  }
}
