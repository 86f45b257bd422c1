package envshift.cli;

import picocli.CommandLine;

/** The version printed by --version and sent in the Heroku User-Agent. */
public final class Version implements CommandLine.IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"envshift " + VERSION};
  }
}
