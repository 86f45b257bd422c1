package envshift.cli;

import envshift.EnvshiftException;
import envshift.push.PushService;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Manifest;
import envshift.plan.Action;
import envshift.plan.AppPlan;
import envshift.push.PlannedApp;
import envshift.rotate.CleanupCheck;
import envshift.rotate.CleanupPlan;
import envshift.rotate.CleanupPlanner;
import envshift.rotate.RepoCleaner;
import envshift.rotate.Unverified;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code envshift cleanup}: verify every migrated variable is live, then remove legacy files. */
@Command(name = "cleanup", mixinStandardHelpOptions = true, description = {
    "After a migration: verify every migrated value is live, then remove the legacy encrypted",
    "files and their blackbox entries (git rm in a checkout). Removes nothing unverified."})
final class CleanupCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;
  @Mixin ConfirmOptions confirm;

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    PushService pusher = root.push(repo, keys, heroku);
    envshift.push.LivePlan live = pusher.plan(List.of(), false);
    if (live.anyUnreadable()) {
      throw new EnvshiftException("cleanup refused: cannot read "
          + live.unreadable().stream().map(o -> o.app() + " (" + o.why().orElse("?") + ")")
              .collect(java.util.stream.Collectors.joining(", ")));
    }
    List<PlannedApp> planned = live.planned();
    Manifest manifest = pusher.workspace().manifest();
    List<LoadedEnvironment> loaded = new ArrayList<>();
    planned.forEach(p -> loaded.add(pusher.workspace().loader().load(p.plan().env())));
    Set<String> migrated = CleanupPlanner.migrated(manifest, loaded);
    PrintWriter out = root.spec.commandLine().getOut();
    List<Unverified> unverified = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      AppPlan plan = planned.get(i).plan();
      if (loaded.get(i).sources().stream().noneMatch(src -> migrated.contains(src.path()))) {
        continue;
      }
      Set<String> rotated = Set.copyOf(manifest.environment(plan.env()).live());
      unverified.addAll(
          CleanupCheck.check(plan, loaded.get(i), migrated, manifest.rules(), rotated));
      out.printf("%s (%s): %d variables live as migrated, %d add-on owned%s%n", plan.env(),
          plan.app(), plan.count(Action.UNCHANGED), plan.count(Action.PROTECTED),
          rotated.isEmpty() ? "" : ", " + rotated.size() + " rotated (live:)");
    }
    if (!unverified.isEmpty()) {
      out.println("Not verified (nothing was removed):");
      unverified.forEach(u -> out.println("  " + u.env() + ": " + u.name() + ": " + u.why()));
      out.flush();
      throw new EnvshiftException("cleanup refused: " + unverified.size()
          + " variable(s) not verified live; run envshift apply (or plan) and try again");
    }
    CleanupPlan plan = CleanupPlanner.plan(pusher.workspace().root(), manifest, migrated);
    render(plan, out);
    if (plan.isEmpty()) {
      out.println("Nothing to clean up.");
      return 0;
    }
    if (!confirm.confirmed(root.context(), "Remove these files?")) {
      out.println("Cancelled; nothing was removed.");
      return EnvshiftException.ERROR;
    }
    new RepoCleaner(pusher.workspace().root()).execute(plan, java.util.Optional.of(manifest)).forEach(out::println);
    return 0;
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
