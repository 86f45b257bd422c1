package envshift.cli;

import envshift.EnvshiftException;
import envshift.plan.Shown;
import envshift.rotate.Cleanup;
import envshift.rotate.CleanupJson;
import envshift.rotate.CleanupPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift cleanup}: verify every migrated variable is live, then remove legacy files. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift cleanup",
      "  envshift cleanup --yes"},
    description = {
    "After a migration: verify every migrated value is live, then remove the legacy encrypted",
    "files and their blackbox entries (git rm in a checkout). Removes nothing unverified."})
final class CleanupCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;
  @Mixin ConfirmOptions confirm;

  @Option(names = "--json", description = "Print the result as JSON (docs/json.md): files"
      + " removed, or the variables that refused the cleanup.")
  boolean json;

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    Cleanup cleanup = new Cleanup(root.push(repo, keys, heroku));
    Cleanup.Verification verification = cleanup.verify();
    // With --json stdout holds the one document; the human report is shown only to confirm on.
    PrintWriter out = json ? root.err() : root.out();
    boolean human = !json || confirm.asks();
    if (human) {
      report(verification, out);
    }
    if (!verification.verified()) {
      printJson(verification, List.of());
      throw new EnvshiftException("cleanup refused: " + verification.unverified().size()
          + " variable(s) not verified live; run envshift apply (or plan) and try again");
    }
    if (verification.plan().isEmpty()) {
      out.println("Nothing to clean up.");
      printJson(verification, List.of());
      return 0;
    }
    if (!confirm.confirmed(root.context(), "Remove these files?")) {
      out.println("Cancelled; nothing was removed.");
      printJson(verification, List.of());
      return EnvshiftException.ERROR;
    }
    List<String> changes = cleanup.execute(verification);
    if (json) {
      printJson(verification, changes);
    } else {
      changes.forEach(out::println);
    }
    return 0;
  }

  private void printJson(Cleanup.Verification verification, List<String> changes) {
    if (json) {
      root.out().println(CleanupJson.render(verification, changes));
      root.out().flush();
    }
  }

  /** What was verified, then what would be removed (or why nothing will be). */
  private static void report(Cleanup.Verification verification, PrintWriter out) {
    verification.live().forEach(l -> out.printf(
        "%s (%s): %d variables live as migrated, %d add-on owned%s%n",
        Shown.visible(l.env()), l.app(),
        l.unchanged(), l.addonOwned(), l.rotated() == 0 ? "" : ", " + l.rotated()
            + " rotated (live:)"));
    if (!verification.verified()) {
      out.println("Not verified (nothing was removed):");
      verification.unverified()
          .forEach(u -> out.println(
              "  " + Shown.visible(u.env() + ": " + u.name() + ": " + u.why())));
      out.flush();
      return;
    }
    render(verification.plan(), out);
  }

  private static void render(CleanupPlan plan, PrintWriter out) {
    if (!plan.isEmpty()) out.println("Will remove:");
    plan.files().forEach(f -> out.println("  " + f));
    plan.blackboxList().ifPresent(l -> out.println("  from " + l + ": "
        + String.join(", ", plan.blackboxEntries())));
    if (!plan.gitignoreLines().isEmpty()) {
      out.println("  from .gitignore: " + String.join(", ", plan.gitignoreLines()));
    }
    if (!plan.leftForHuman().isEmpty()) {
      out.println("Left for a human (encrypted, read by no environment):");
      plan.leftForHuman().forEach(f -> out.println("  " + f));
    }
    if (!plan.kept().isEmpty()) {
      out.println("Kept (sources of the development .env): " + String.join(", ", plan.kept()));
    }
    out.flush();
  }
}
