package envshift.cli;

import envshift.EnvshiftException;
import envshift.settings.DotenvFlavor;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --flavor}: which reader a written .env is for (dotenv, pull, rotate --also-dotenv). */
final class FlavorOption {
  @Option(names = "--flavor", paramLabel = "FLAVOR",
      description = "The .env reader: compose (docker compose env_file, default) or python "
          + "(python-dotenv).")
  String flavor = "compose";

  DotenvFlavor flavor() {
    return switch (flavor.toLowerCase(Locale.ROOT)) {
      case "compose" -> DotenvFlavor.COMPOSE;
      case "python" -> DotenvFlavor.PYTHON;
      default ->
          throw EnvshiftException.usage(
              "unknown --flavor '" + flavor + "' (expected compose or python)");
    };
  }
}
