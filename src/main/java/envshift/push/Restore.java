package envshift.push;

import envshift.EnvshiftException;
import envshift.heroku.HerokuClient;
import envshift.plan.AppOutcome;
import envshift.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * The restore use case: a backup's (or a past release's) config planned against the live app like
 * apply plans a source, then written as one PATCH after a backup of what it replaces.
 */
public final class Restore {
  private final HerokuClient client;
  private final PlannedApp planned;
  private final LivePlan live;

  private Restore(HerokuClient client, LivePlan live) {
    this.client = client;
    this.live = live;
    this.planned = live.planned().get(0);
  }

  /** Reads the app and plans the restore; an app that cannot be read is an error. */
  public static Restore plan(HerokuClient client, String app, RestoreSource source,
      boolean prune) {
    LivePlan live = new LivePlanner(client, 1)
        .plan(List.of(new AppTarget("restore", app, source.config())), prune);
    if (live.anyUnreadable()) {
      throw new EnvshiftException(live.unreadable().get(0).why().orElseThrow());
    }
    return new Restore(client, live);
  }

  public Plan plan() {
    return live.plan();
  }

  public boolean hasChanges() {
    return planned.plan().hasChanges();
  }

  /** One re-checked, backed-up, verified PATCH. */
  public AppOutcome apply(Optional<BackupStore> backups) {
    return new Applier(client, backups, 1).applyOne(planned);
  }
}
