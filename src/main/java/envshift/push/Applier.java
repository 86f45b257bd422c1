package envshift.push;

import envshift.EnvshiftException;
import envshift.Parallel;
import envshift.Secret;
import envshift.heroku.HerokuApiException;
import envshift.heroku.HerokuClient;
import envshift.heroku.NewRelease;
import envshift.heroku.PatchResult;
import envshift.heroku.ReleaseWatch;
import envshift.plan.AppOutcome;
import envshift.plan.AppPlan;
import envshift.plan.Verification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Applies plans, apps in parallel (bounded). Per app, holding its write lock: re-read the live
 * config and stop if it moved since the plan (an app that already holds every change is
 * unchanged); back it up (encrypted); send exactly one PATCH holding only the changes; verify
 * every key against the config the PATCH returned; report the release it made, told by version
 * (the newest one is read beside the re-check, the new ones after the PATCH). An app without
 * changes costs no request. A failing app never stops the others; a rejected token stops all.
 */
public final class Applier {
  private static final int NAMES_SHOWN = 5;

  private final HerokuClient client;
  private final Optional<BackupStore> backups;
  private final int concurrency;

  public Applier(HerokuClient client, Optional<BackupStore> backups, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency < 1");
    }
    this.client = client;
    this.backups = backups;
    this.concurrency = concurrency;
  }

  /**
   * Applies every plan; {@code progress} hears each outcome as it happens (from worker threads).
   * A worker holds an app for the re-check and the PATCH; the release lookup runs beside it, so
   * the worker moves on to the next app meanwhile.
   */
  public List<AppOutcome> applyAll(List<PlannedApp> plans, Consumer<AppOutcome> progress) {
    try (Parallel.Pool lookups = new Parallel.Pool(concurrency, "envshift-releases")) {
      List<CompletableFuture<AppOutcome>> pending = Parallel.map(plans, concurrency,
          p -> write(p, lookups).thenApply(outcome -> {
            progress.accept(outcome);
            return outcome;
          }));
      return pending.stream().map(Parallel::get).toList();
    }
  }

  /** Applies one plan, on the calling thread. */
  public AppOutcome applyOne(PlannedApp planned) {
    return Parallel.get(write(planned, Runnable::run));
  }

  /**
   * Everything up to the PATCH's verification, holding the app's write lock (shared with other
   * envshift runs on this machine); the release lookup runs on {@code lookups}, after the lock.
   */
  private CompletableFuture<AppOutcome> write(PlannedApp planned, Executor lookups) {
    AppPlan plan = planned.plan();
    if (!plan.hasChanges()) {
      return done(outcome(plan, AppOutcome.Status.UNCHANGED, Optional.empty(), Optional.empty()));
    }
    try (HerokuClient.AppLock lock = client.lockApp(plan.app())) {
      return writeLocked(planned, lookups);
    } catch (EnvshiftException e) {
      LivePlanner.throwIfFatal(e);
      return done(failed(plan, e.getMessage()));
    }
  }

  private CompletableFuture<AppOutcome> writeLocked(PlannedApp planned, Executor lookups) {
    if (planned.destination() instanceof Destination.Stage stage) {
      return done(writeStage(planned, stage));
    }
    AppPlan plan = planned.plan();
    // The newest release before the PATCH, read beside the re-check (one round trip, not two).
    CompletableFuture<ReleaseWatch> watch =
        CompletableFuture.supplyAsync(() -> client.watchReleases(plan.app()), lookups);
    Map<String, Secret> now = client.configVars(plan.app());
    Optional<AppOutcome> stale = recheck(planned, now);
    if (stale.isPresent()) {
      return done(stale.get());
    }
    Optional<Path> backup = backups.map(b -> b.save(plan.app(), now));
    ReleaseWatch releases = Parallel.get(watch);
    PatchResult result = client.patchConfigVars(plan.app(), plan.patch(), releases);
    List<String> wrong = Verification.mismatches(plan.patch(), result.config());
    if (!wrong.isEmpty()) {
      return done(new AppOutcome(plan.env(), plan.app(), AppOutcome.Status.FAILED,
          Optional.empty(), Optional.of("written, but Heroku returned other values for "
              + names(wrong) + backup.map(p -> "; the config before is backed up in " + p)
              .orElse("")), backup));
    }
    return CompletableFuture.supplyAsync(() -> applied(plan, releases, result.note(), backup),
        lookups);
  }

  /** The outcome when the live config moved since the plan; empty when it is as planned. */
  private static Optional<AppOutcome> recheck(PlannedApp planned, Map<String, Secret> now) {
    AppPlan plan = planned.plan();
    if (now.equals(planned.live())) {
      return Optional.empty();
    }
    // Another run (it held the lock before us) or a teammate may have written the same change.
    if (Verification.mismatches(plan.patch(), now).isEmpty()) {
      return Optional.of(outcome(plan, AppOutcome.Status.UNCHANGED, Optional.empty(), Optional.of(
          "the config changed since the plan and already holds every change: nothing left to"
          + " change, nothing written")));
    }
    return Optional.of(failed(plan, "config changed on Heroku since the plan ("
        + moved(planned.live(), now) + "); nothing written: plan and apply again"));
  }

  /**
   * A pipeline stage's vars: the same re-check, then one PATCH, verified by re-reading the stage.
   * Such a write makes no release, so none is watched or reported. No backup is taken: a backup
   * is restored to an app, and restore cannot write a stage's vars.
   */
  private AppOutcome writeStage(PlannedApp planned, Destination.Stage stage) {
    AppPlan plan = planned.plan();
    Optional<AppOutcome> stale = recheck(planned, stage.configVars(client));
    if (stale.isPresent()) {
      return stale.get();
    }
    Optional<String> lost = Optional.empty();
    try {
      client.patchStageConfigVars(stage.pipeline(), stage.stage(), plan.patch());
    } catch (HerokuApiException e) {
      LivePlanner.throwIfFatal(e);
      lost = Optional.of(e.getMessage()); // its answer may be lost: the re-read tells
    }
    List<String> wrong = Verification.mismatches(plan.patch(), stage.configVars(client));
    if (!wrong.isEmpty()) {
      return failed(plan, lost.orElse("written, but Heroku returned other values for "
          + names(wrong)));
    }
    String note = "pipeline stage vars: no release is made, no backup is taken";
    return outcome(plan, AppOutcome.Status.APPLIED, Optional.empty(), Optional.of(lost
        .map(why -> why + "; the re-read holds every change; " + note).orElse(note)));
  }

  private static CompletableFuture<AppOutcome> done(AppOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }

  /**
   * The PATCH took; a release that cannot be told does not undo that: the app is applied. A PATCH
   * whose answer was lost or unreadable but whose change was found in place says so.
   */
  private static AppOutcome applied(AppPlan plan, ReleaseWatch releases,
      Optional<String> patchNote, Optional<Path> backup) {
    NewRelease made = releases.created();
    Optional<String> note = patchNote.map(n -> made.note().map(m -> n + "; " + m).orElse(n))
        .or(made::note);
    return new AppOutcome(plan.env(), plan.app(), AppOutcome.Status.APPLIED, made.version(), note,
        backup);
  }

  /** Which names were added, removed or changed: names only, never a value. */
  static String moved(Map<String, Secret> before, Map<String, Secret> now) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(now.keySet());
    names.removeIf(n -> before.containsKey(n) && now.containsKey(n)
        && before.get(n).sameAs(now.get(n)));
    return names(List.copyOf(names));
  }

  private static String names(List<String> names) {
    if (names.size() <= NAMES_SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES_SHOWN)) + " and "
        + (names.size() - NAMES_SHOWN) + " more";
  }

  private static AppOutcome failed(AppPlan plan, String why) {
    return outcome(plan, AppOutcome.Status.FAILED, Optional.empty(), Optional.of(why));
  }

  private static AppOutcome outcome(AppPlan plan, AppOutcome.Status status,
      Optional<Integer> release, Optional<String> why) {
    return new AppOutcome(plan.env(), plan.app(), status, release, why);
  }
}
