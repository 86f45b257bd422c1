package envshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version printed by --version and sent in the Heroku User-Agent, with the commit built from:
 * both come from {@code envshift/build.properties}, which the build writes (pom.xml, antrun).
 */
public final class Version implements CommandLine.IVersionProvider {
  private static final Properties BUILD = load();
  public static final String VERSION = BUILD.getProperty("version", "unknown");
  /** {@code git rev-parse --short HEAD} at build time; "unknown" when built outside git. */
  public static final String COMMIT = BUILD.getProperty("commit", "unknown");

  @Override
  public String[] getVersion() {
    return new String[] {"envshift " + VERSION + " (commit " + COMMIT + ")"};
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/envshift/build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read envshift/build.properties", e);
    }
    return p;
  }
}
