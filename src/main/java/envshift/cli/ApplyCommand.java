package envshift.cli;

import envshift.EnvshiftException;
import envshift.access.EncryptionRecipients;
import envshift.plan.AppOutcome;
import envshift.plan.OutcomeText;
import envshift.plan.Plan;
import envshift.plan.PlanText;
import envshift.plan.RenderOptions;
import envshift.push.BackupStore;
import envshift.push.LivePlan;
import envshift.push.PushService;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift apply}: plan, confirm, then one backed-up, verified PATCH per changed app. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift apply",
      "  envshift apply --env staging --yes",
      "  envshift apply --env production --prune"},
    description = {
      "Push each environment's variables to its Heroku app: one PATCH, one release per changed"
          + " app.",
      "The live config is backed up (encrypted) first; add-on owned vars are never touched."
    })
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;
  @Mixin StrictOptions strict;
  @Mixin ConfirmOptions confirm;

  @Option(names = "--env", paramLabel = "NAME", description = "Only this environment. Repeatable.")
  List<String> envs = new ArrayList<>();

  @Option(names = "--prune", description = "Also delete live vars the sources do not declare.")
  boolean prune;

  @ArgGroup(exclusive = true)
  BackupOptions backup = new BackupOptions();

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    PushService push = root.push(repo, keys, heroku, strict);
    PrintWriter out = root.out();
    LivePlan live = push.plan(envs, prune);
    Plan plan = live.plan();
    if (plan.apps().isEmpty() && live.anyUnreadable()) {
      PlanCommand.reportUnreadable(live, root.err()); // no app to apply to: no "0 apps" plan
      return EnvshiftException.ERROR;
    }
    out.print(PlanText.render(plan, new RenderOptions(false, root.context().colour())));
    out.flush();
    PlanCommand.reportUnreadable(live, root.err()); // before the question, not only in the summary
    Optional<BackupStore> backups = Optional.empty();
    if (!plan.hasChanges()) {
      out.println("Nothing to apply.");
    } else if (!confirm.confirmed(root.context(), "Apply these changes?", typed(plan))) {
      out.println("Cancelled; nothing was written.");
      return EnvshiftException.ERROR;
    } else {
      backups = backup.store(root.context(),
          () -> new EncryptionRecipients(push.workspace().root(), push.workspace().manifest(),
              push.workspace()::keyRing).recipients("pass --no-backup"),
          push.workspace().keyRing(), Clock.systemUTC());
    }
    // Apps without changes cost no request here; they are listed as unchanged.
    List<AppOutcome> outcomes = push.apply(live, backups, this::progress);
    if (!plan.hasChanges() && !live.anyUnreadable()) {
      return 0;
    }
    out.print(OutcomeText.render(outcomes, root.context().colour()));
    out.flush();
    boolean failed = outcomes.stream().anyMatch(o -> o.status() == AppOutcome.Status.FAILED);
    return failed ? EnvshiftException.ERROR : 0;
  }

  /** With --prune, vars may be deleted: the user types the names of the apps that change. */
  private List<String> typed(Plan plan) {
    if (!prune) return List.of();
    return plan.apps().stream().filter(a -> a.hasChanges()).map(a -> a.app()).toList();
  }

  /** One line per changed app as it finishes, on stderr: the summary on stdout comes last. */
  private void progress(AppOutcome o) {
    if (o.status() == AppOutcome.Status.UNCHANGED) {
      return;
    }
    PrintWriter err = root.err();
    synchronized (err) {
      err.println("envshift: " + o.app() + ": " + o.status().label()
          + o.release().map(v -> " (v" + v + ")").orElse(""));
      err.flush();
    }
  }
}
