package envshift.push;

import envshift.Parallel;
import envshift.EnvshiftException;
import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.plan.AppOutcome;
import envshift.plan.AppPlan;
import envshift.plan.Verification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies plans, one app at a time per thread: re-read the live config and stop if it moved since the
 * plan; back it up (encrypted); send exactly one PATCH holding only the changes; verify every key
 * against the config the PATCH returned; report the release. A failing app never stops the others.
 */
public final class Applier {
  private final HerokuClient client;
  private final Optional<BackupStore> backups;
  private final int concurrency;

  public Applier(HerokuClient client, Optional<BackupStore> backups, int concurrency) {
    this.client = client;
    this.backups = backups;
    this.concurrency = concurrency;
  }

  /** Applies every plan; {@code progress} hears each outcome as it happens (from worker threads). */
  public List<AppOutcome> applyAll(List<PlannedApp> plans, Consumer<AppOutcome> progress) {
    return Parallel.map(plans, concurrency, p -> {
      AppOutcome outcome = applyOne(p);
      progress.accept(outcome);
      return outcome;
    });
  }

  public AppOutcome applyOne(PlannedApp planned) {
    AppPlan plan = planned.plan();
    if (!plan.hasChanges()) {
      return new AppOutcome(plan.env(), plan.app(), AppOutcome.Status.UNCHANGED, Optional.empty(), Optional.empty());
    }
    try {
      Map<String, Secret> now = client.configVars(plan.app());
      if (!now.equals(planned.live())) {
        return failed(plan, "config changed on Heroku since the plan; nothing written (run again)");
      }
      Optional<Path> backup = backups.map(b -> b.save(plan.app(), now));
      var result = client.patchConfigVars(plan.app(), plan.patch());
      List<String> wrong = Verification.mismatches(plan.patch(), result.config());
      if (!wrong.isEmpty()) {
        return failed(plan, "verification failed for " + String.join(", ", wrong)
            + backup.map(p -> "; backup at " + p).orElse(""));
      }
      int version = client.latestRelease(plan.app()).version();
      return new AppOutcome(plan.env(), plan.app(), AppOutcome.Status.APPLIED, Optional.of(version), Optional.empty());
    } catch (EnvshiftException e) {
      return failed(plan, e.getMessage());
    }
  }

  private static AppOutcome failed(AppPlan plan, String why) {
    return new AppOutcome(plan.env(), plan.app(), AppOutcome.Status.FAILED, Optional.empty(), Optional.of(why));
  }
}
