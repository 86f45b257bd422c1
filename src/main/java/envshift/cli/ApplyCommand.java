package envshift.cli;

import envshift.EnvshiftException;
import envshift.access.EncryptionRecipients;
import envshift.plan.AppOutcome;
import envshift.plan.OutcomeJson;
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

  @Option(names = "--json", description = "Print the result as JSON (docs/json.md): per app"
      + " its status, release, names changed and backup; the plan goes to stderr when asking.")
  boolean json;

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    PushService push = root.push(repo, keys, heroku, strict);
    // With --json stdout holds the one document; the human plan is shown only to confirm on.
    PrintWriter out = json ? root.err() : root.out();
    LivePlan live = push.plan(envs, prune);
    Plan plan = live.plan();
    if (plan.apps().isEmpty() && live.anyUnreadable()) {
      PlanCommand.reportUnreadable(live, root.err()); // no app to apply to: no "0 apps" plan
      printJson(plan, live.unreadable());
      return EnvshiftException.ERROR;
    }
    if (!json || confirm.asks()) {
      out.print(PlanText.render(plan, new RenderOptions(false, root.context().colour())));
      out.flush();
    }
    PlanCommand.reportUnreadable(live, root.err()); // before the question, not only in the summary
    Optional<BackupStore> backups = Optional.empty();
    if (!plan.hasChanges()) {
      out.println("Nothing to apply.");
    } else if (!confirm.confirmed(root.context(), "Apply these changes?", typed(plan))) {
      out.println("Cancelled; nothing was written.");
      printJson(plan, cancelled(live));
      return EnvshiftException.ERROR;
    } else {
      backups = backup.store(root.context(),
          () -> new EncryptionRecipients(push.workspace().root(), push.workspace().manifest(),
              push.workspace()::keyRing).recipients("pass --no-backup"),
          push.workspace().keyRing(), Clock.systemUTC());
    }
    // Apps without changes cost no request here; they are listed as unchanged.
    List<AppOutcome> outcomes = push.apply(live, backups, this::progress);
    boolean failed = outcomes.stream().anyMatch(o -> o.status() == AppOutcome.Status.FAILED);
    if (json) {
      printJson(plan, outcomes);
    } else if (plan.hasChanges() || live.anyUnreadable()) {
      out.print(OutcomeText.render(outcomes, root.context().colour()));
      out.flush();
    }
    return failed ? EnvshiftException.ERROR : 0;
  }

  private void printJson(Plan plan, List<AppOutcome> outcomes) {
    if (json) {
      root.out().println(OutcomeJson.render(plan, outcomes));
      root.out().flush();
    }
  }

  /** Every app skipped, as the user declined; the unreadable ones stay failed. */
  private static List<AppOutcome> cancelled(LivePlan live) {
    List<AppOutcome> outcomes = new ArrayList<>();
    live.plan().apps().forEach(a -> outcomes.add(new AppOutcome(a.env(), a.app(),
        a.hasChanges() ? AppOutcome.Status.SKIPPED : AppOutcome.Status.UNCHANGED,
        Optional.empty(), a.hasChanges() ? Optional.of("cancelled; nothing was written")
            : Optional.empty())));
    outcomes.addAll(live.unreadable());
    return outcomes;
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
