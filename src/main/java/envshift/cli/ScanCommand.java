package envshift.cli;

import envshift.EnvshiftException;
import envshift.audit.LiveConfigs;
import envshift.heroku.HerokuClient;
import envshift.scan.ScanJson;
import envshift.scan.ScanReport;
import envshift.scan.ScanText;
import envshift.scan.SecretScan;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift scan}: which secrets leaked in plaintext into the tracked files (and, with
 * {@code --history}, any commit), without printing a value. Exit 0 none, 2 findings, 1 error.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift scan",
      "  envshift scan --history",
      "  envshift scan --json --no-live"},
    description = {
      "Find plaintext twins of encrypted files and secret values committed in plaintext, "
          + "without showing values.",
      "Exit 0: nothing found; 2: findings; 1: error."
    })
final class ScanCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;

  @Option(names = "--history", description = "Also read every blob of every commit of all refs.")
  boolean history;

  @Option(names = "--no-live",
      description = "Do not read the apps: whether a found value is still live stays unknown.")
  boolean noLive;

  @Option(names = "--json", description = "Print {\"history\", \"values_searched\", "
      + "\"skipped_blobs\", \"findings\", \"notes\"} (see docs/user-guide.md).")
  boolean json;

  @Override
  public Integer call() {
    SecretScan scan = new SecretScan(root.workspace(repo, keys), live(),
        root.warnings()::collect);
    ScanReport report = scan.scan(history);
    PrintWriter out = root.out();
    out.print(json ? ScanJson.render(report) + "\n" : ScanText.render(report));
    out.flush();
    return report.hasFindings() ? EnvshiftException.DIFFERENCES : EnvshiftException.OK;
  }

  /** The apps are read only when a token is configured; without one, liveness is unknown. */
  private Optional<SecretScan.LiveReader> live() {
    int concurrency = heroku.concurrency();
    if (noLive) return Optional.empty();
    HerokuClient client;
    try {
      client = root.client(heroku);
    } catch (EnvshiftException e) {
      if (e.exitCode() != EnvshiftException.ERROR) throw e; // a bad option is still a usage error
      return Optional.empty(); // no token: "unknown", as the report's note says
    }
    return Optional.of(envs -> new LiveConfigs(client, concurrency)
        .readEnvironments(envs));
  }
}
