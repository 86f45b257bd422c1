package envshift.push;

import envshift.Parallel;
import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.plan.AppPlan;
import envshift.plan.Planner;
import java.util.List;
import java.util.Map;

/**
 * Reads what is live (config vars and add-on owned names: two requests per app, apps in parallel) and
 * hands it to the pure planner.
 */
public final class LivePlanner {
  private final HerokuClient client;
  private final int concurrency;

  public LivePlanner(HerokuClient client, int concurrency) {
    this.client = client;
    this.concurrency = concurrency;
  }

  public List<PlannedApp> plan(List<AppTarget> targets, boolean prune) {
    return Parallel.map(targets, concurrency, t -> planOne(t, prune));
  }

  private PlannedApp planOne(AppTarget target, boolean prune) {
    Map<String, Secret> live = client.configVars(target.app());
    Map<String, String> owned = client.addonOwnedVars(target.app());
    AppPlan plan = Planner.plan(target.env(), target.app(), live, owned, target.desired(), prune);
    return new PlannedApp(plan, live);
  }
}
