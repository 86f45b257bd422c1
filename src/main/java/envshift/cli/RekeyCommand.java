package envshift.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code envshift rekey}: not built yet. */
@Command(name = "rekey", mixinStandardHelpOptions = true, description = "Re-encrypt GPG files to a new recipient set without writing plaintext to disk.")
final class RekeyCommand implements Callable<Integer> {
  @ParentCommand Envshift root;

  @Override
  public Integer call() {
    throw new envshift.EnvshiftException("envshift rekey is not implemented yet");
  }
}
