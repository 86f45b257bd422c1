package envshift.cli;

import envshift.EnvshiftException;
import envshift.plan.Plan;
import envshift.plan.PlanJson;
import envshift.plan.PlanText;
import envshift.plan.RenderOptions;
import envshift.push.LivePlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift plan}: what apply would change, per app. Reads only. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift plan",
      "  envshift plan --env production --prune",
      "  envshift plan --detailed-exitcode --json"},
    description =
        "Compare each environment's variables with its live Heroku app and print the changes.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;
  @Mixin StrictOptions strict;

  @Option(names = "--env", paramLabel = "NAME", description = "Only this environment. Repeatable.")
  List<String> envs = new ArrayList<>();

  @Option(names = "--prune", description = "Also delete live vars the sources do not declare.")
  boolean prune;

  @Option(names = "--reveal", description = "Print values instead of masks.")
  boolean reveal;

  @Option(names = "--json", description = "Print the plan as JSON.")
  boolean json;

  @Option(names = "--detailed-exitcode",
      description = "Exit 0 when nothing would change, 2 when something would, 1 on error.")
  boolean detailedExitcode;

  @Override
  public Integer call() {
    LivePlan live = root.push(repo, keys, heroku, strict).plan(envs, prune);
    Plan plan = live.plan();
    PrintWriter out = root.out();
    if (json) {
      out.println(PlanJson.render(plan, live.unreadable(), reveal));
    } else if (!plan.apps().isEmpty()) {
      // With no app read, a "0 apps" plan would read as success: the error lines say it all.
      out.print(PlanText.render(plan, new RenderOptions(reveal, root.context().colour())));
    }
    out.flush();
    if (reportUnreadable(live, root.err())) {
      return EnvshiftException.ERROR;
    }
    return detailedExitcode && plan.hasChanges() ? EnvshiftException.DIFFERENCES : 0;
  }

  /**
   * The apps that could not be read (an app that does not exist, a stage with no app), one line
   * each on stderr naming the environment; true when there was any.
   */
  static boolean reportUnreadable(LivePlan live, PrintWriter err) {
    live.unreadable().forEach(o -> err.println(
        "envshift: " + o.env() + " → " + o.app() + ": " + o.why().orElse("failed")));
    err.flush();
    return live.anyUnreadable();
  }
}
