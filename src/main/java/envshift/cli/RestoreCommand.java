package envshift.cli;

import envshift.EnvshiftException;
import envshift.heroku.HerokuClient;
import envshift.pgp.KeyRing;
import envshift.plan.AppOutcome;
import envshift.plan.OutcomeJson;
import envshift.plan.OutcomeText;
import envshift.plan.Plan;
import envshift.plan.PlanText;
import envshift.plan.RenderOptions;
import envshift.push.BackupStore;
import envshift.push.Restore;
import envshift.push.RestoreSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift restore}: push a backup (or a past release's config) back as one PATCH, after
 * showing the plan. Code is not rolled back. Add-on owned vars are left alone, as in apply.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift restore --app acme-prod --release v41",
      "  envshift restore acme-prod-20261206T204500Z.json.asc --app acme-prod"},
    description = "Restore an app's config vars from an envshift backup or a past release.")
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin HerokuOptions heroku;
  @Mixin KeyOptions keys;
  @Mixin ConfirmOptions confirm;

  @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP",
      description = "An envshift backup file.")
  Path backupFile;

  @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP",
      description = "The Heroku app.")
  String app;

  @Option(names = "--release", paramLabel = "vN",
      description = "Restore the config of this past release (code is not rolled back).")
  String release;

  @Option(names = "--prune", description = "Also delete vars added since the backup/release.")
  boolean prune;

  @ArgGroup(exclusive = true)
  BackupOptions backup = new BackupOptions();

  @Option(names = "--json", description = "Print the result as JSON (docs/json.md), as apply"
      + " does; the plan goes to stderr when asking.")
  boolean json;

  @Override
  public Integer call() {
    if ((backupFile == null) == (release == null)) {
      throw EnvshiftException.usage("give either a BACKUP file or --release vN");
    }
    confirm.requireYesWithoutTerminal(root.context());
    // With --json stdout holds the one document; the human plan is shown only to confirm on.
    PrintWriter out = json ? root.err() : root.out();
    HerokuClient client = root.client(heroku);
    KeyRing ring = keys.keyRing(root.context(), Optional.empty());
    RestoreSource source = source(client, ring);
    source.warnings().forEach(root.warnings()::warn);
    Restore restore = Restore.plan(client, app, source, prune);
    Plan plan = restore.plan();
    if (!json || confirm.asks()) {
      out.print(PlanText.render(plan, new RenderOptions(false, root.context().colour())));
    }
    if (!restore.hasChanges()) {
      out.println("Nothing to restore: " + app + " already matches.");
      printJson(plan, outcome(plan, AppOutcome.Status.UNCHANGED, Optional.empty()));
      return 0;
    }
    if (!confirm.confirmed(root.context(), "Restore " + app + "?", List.of(app))) {
      out.println("Cancelled; nothing was written.");
      printJson(plan, outcome(plan, AppOutcome.Status.SKIPPED,
          Optional.of("cancelled; nothing was written")));
      return EnvshiftException.ERROR;
    }
    Optional<BackupStore> store = backup.store(root.context(),
        () -> source.backupRecipients(root.warnings()::warn), ring,
        Clock.systemUTC());
    AppOutcome outcome = restore.apply(store);
    if (json) {
      printJson(plan, outcome);
    } else {
      out.print(OutcomeText.render(List.of(outcome), root.context().colour()));
    }
    return outcome.status() == AppOutcome.Status.FAILED ? EnvshiftException.ERROR : 0;
  }

  /** What was not written, told like an applied outcome (its env is the plan's). */
  private AppOutcome outcome(Plan plan, AppOutcome.Status status, Optional<String> note) {
    return new AppOutcome(plan.apps().get(0).env(), app, status, Optional.empty(), note);
  }

  private void printJson(Plan plan, AppOutcome outcome) {
    if (json) {
      root.out().println(OutcomeJson.render(plan, List.of(outcome)));
      root.out().flush();
    }
  }

  private RestoreSource source(HerokuClient client, KeyRing ring) {
    if (backupFile != null) {
      return RestoreSource.backup(root.context().cwd().resolve(backupFile), backupFile.toString(),
          app, ring);
    }
    return RestoreSource.release(client, app, version(), ring);
  }

  private int version() {
    String v = release.startsWith("v") ? release.substring(1) : release;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw EnvshiftException.usage("--release takes a version like v42, not '" + release + "'");
    }
  }
}
