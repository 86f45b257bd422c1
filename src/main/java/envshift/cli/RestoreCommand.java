package envshift.cli;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.plan.AppOutcome;
import envshift.plan.OutcomeText;
import envshift.plan.PlanText;
import envshift.plan.RenderOptions;
import envshift.push.Applier;
import envshift.push.AppTarget;
import envshift.push.BackupStore;
import envshift.push.LivePlan;
import envshift.push.LivePlanner;
import envshift.push.PlannedApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift restore}: push a backup (or a past release's config) back as one PATCH, after showing
 * the plan. Code is not rolled back. Add-on owned vars are left alone, as in apply.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restore an app's config vars from an envshift backup or from a past release (--release vN).")
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin HerokuOptions heroku;
  @Mixin KeyOptions keys;
  @Mixin ConfirmOptions confirm;

  @Parameters(index = "0", arity = "0..1", paramLabel = "BACKUP", description = "An envshift backup file.")
  Path backupFile;

  @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP", description = "The Heroku app.")
  String app;

  @Option(names = "--release", paramLabel = "vN", description = "Restore the config of this past release.")
  String release;

  @Option(names = "--prune", description = "Also delete vars added since the backup/release.")
  boolean prune;

  @ArgGroup(exclusive = true)
  BackupOptions backup = new BackupOptions();

  @Override
  public Integer call() {
    if ((backupFile == null) == (release == null)) {
      throw EnvshiftException.usage("give either a BACKUP file or --release vN");
    }
    confirm.requireYesWithoutTerminal(root.context());
    PrintWriter out = root.spec.commandLine().getOut();
    HerokuClient client = heroku.client(root.context(), root.debug, root.spec.commandLine().getErr());
    KeyRing ring = keys.keyRing(root.context(), Optional.empty());
    Map<String, Secret> desired = backupFile != null ? fromBackup(ring) : client.releaseConfigVars(app, version());
    LivePlan live = new LivePlanner(client, 1).plan(List.of(new AppTarget("restore", app, desired)), prune);
    if (live.anyUnreadable()) {
      throw new EnvshiftException(live.unreadable().get(0).why().orElse(app + ": cannot read"));
    }
    PlannedApp planned = live.planned().get(0);
    out.print(PlanText.render(live.plan(), new RenderOptions(false, root.context().colour())));
    if (!planned.plan().hasChanges()) {
      out.println("Nothing to restore: " + app + " already matches.");
      return 0;
    }
    if (!confirm.confirmed(root.context(), "Restore " + app + "?")) {
      out.println("Cancelled; nothing was written.");
      return EnvshiftException.ERROR;
    }
    Optional<BackupStore> store = backup.store(root.context(), () -> backupRecipients(ring), ring, Clock.systemUTC());
    AppOutcome outcome = new Applier(client, store, 1).applyOne(planned);
    out.print(OutcomeText.render(List.of(outcome)));
    return outcome.status() == AppOutcome.Status.FAILED ? EnvshiftException.ERROR : 0;
  }

  private Map<String, Secret> fromBackup(KeyRing ring) {
    BackupStore.Backup b = BackupStore.read(root.context().cwd().resolve(backupFile), new Decryptor(ring));
    if (!b.app().equals(app)) {
      root.spec.commandLine().getErr().println(
          "envshift: warning: " + backupFile + " was taken of app " + b.app() + ", restoring to " + app);
    }
    return b.config();
  }

  private int version() {
    String v = release.startsWith("v") ? release.substring(1) : release;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw EnvshiftException.usage("--release takes a version like v42, not '" + release + "'");
    }
  }

  /**
   * The safety backup goes to whoever could read the backup being restored; when restoring a
   * release, to the secret keys loaded for this run (the person restoring can read it back).
   */
  private List<Recipient> backupRecipients(KeyRing ring) {
    if (backupFile == null) {
      List<String> own = ring.secretKeys().stream().map(k -> k.fingerprint()).toList();
      if (own.isEmpty()) {
        throw new EnvshiftException("no key to encrypt the safety backup to: load your key "
            + "(--secret-key or --gnupg-home) or pass --no-backup");
      }
      return Recipients.resolve(own, ring);
    }
    try {
      byte[] bytes = Files.readAllBytes(root.context().cwd().resolve(backupFile));
      var info = MessageInspector.inspect(bytes, backupFile.toString(), ring);
      return Recipients.resolve(info.recipients().stream().map(r -> r.keyId().toString()).toList(), ring);
    } catch (IOException e) {
      throw new EnvshiftException(backupFile + ": cannot read", e);
    }
  }
}
