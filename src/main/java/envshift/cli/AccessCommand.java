package envshift.cli;

import envshift.access.AccessJson;
import envshift.access.AccessReport;
import envshift.access.AccessText;
import envshift.pgp.KeyRing;
import envshift.repo.BlackboxLayout;
import envshift.repo.RepoScan;
import envshift.repo.RepoScanner;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift access [--key ID] [--json]}: the offboarding report. */
@Command(
    name = "access",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift access",
      "  envshift access --key old@example.org",
      "  envshift access --key 3DA736CFD8A9CE78 --json"},
    description = {
      "Who can read each encrypted file (found by content); with --key, every file that key could",
      "read in any commit of the repo's git history (all refs) or in the working tree, the",
      "variable names in them, and which still hold a value it could read: the list to rotate.",
      "--json prints {\"key\": ID or null, \"key_ids\": [...], \"history_read\": bool, \"files\":",
      "[{\"path\": ..., \"symmetric\": bool, \"recipients\": [{\"key_id\": ..., \"fingerprint\":",
      "... or \"\", \"user_ids\": [...]}], \"variables\": [...], \"variables_unknown\": reason or",
      "null, \"present\": bool, \"readable_now\": bool, \"versions\": [{\"commit\": SHA or null",
      "(working tree), \"date\": ISO-8601 or null}], \"unchanged\": [...], \"unchanged_unknown\":",
      "reason or null}]}; without --key only the current files are listed, history_read is",
      "false and the key-specific fields are empty, false or null."
    })
final class AccessCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin KeyOptions keys;
  @Mixin RepoOptions repo;

  @Option(names = "--key", paramLabel = "ID", description = "Fingerprint, key id or email.")
  String key;

  @Option(names = "--json", description = "Print JSON (shape above).")
  boolean json;

  @Override
  public Integer call() {
    Context ctx = root.context();
    RepoScan scan = RepoScanner.scan(repo.root(ctx));
    KeyRing ring = keys.keyRing(ctx, scan.blackbox().flatMap(BlackboxLayout::pubring));
    AccessReport.Report report = new AccessReport(scan, ring).report(Optional.ofNullable(key));
    report.warnings().forEach(root.warnings()::warn);
    PrintWriter out = root.spec.commandLine().getOut();
    if (json) {
      out.println(AccessJson.render(report));
    } else {
      out.print(AccessText.render(report));
    }
    out.flush();
    return 0;
  }
}
