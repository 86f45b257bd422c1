package envshift.push;

import envshift.EnvshiftException;
import envshift.Parallel;
import envshift.Secret;
import envshift.heroku.HerokuApiException;
import envshift.heroku.HerokuClient;
import envshift.mapping.ConfigLimit;
import envshift.plan.AppOutcome;
import envshift.plan.AppPlan;
import envshift.plan.Planner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what is live for each app (its config vars and the names its add-ons own: two requests,
 * sent at once so an app costs one round trip) and hands both to the pure planner. Apps run in
 * parallel, bounded. An app that cannot be read becomes a failed outcome; only a rejected token,
 * which would fail every app alike, stops the whole plan.
 */
public final class LivePlanner {
  private final HerokuClient client;
  private final int concurrency;

  public LivePlanner(HerokuClient client, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency < 1");
    }
    this.client = client;
    this.concurrency = concurrency;
  }

  public LivePlan plan(List<AppTarget> targets, boolean prune) {
    // The add-on reads get their own pool so a worker never waits on a queue it feeds.
    try (Parallel.Pool addonReads = new Parallel.Pool(concurrency, "envshift-addons")) {
      List<Read> reads = Parallel.map(targets, concurrency, t -> planOne(t, prune, addonReads));
      List<PlannedApp> planned = new ArrayList<>();
      List<AppOutcome> unreadable = new ArrayList<>();
      for (Read read : reads) {
        read.planned().ifPresent(planned::add);
        read.failed().ifPresent(unreadable::add);
      }
      return new LivePlan(planned, unreadable);
    }
  }

  /** One app read: a plan, or a failed outcome saying why the app could not be read. */
  private record Read(Optional<PlannedApp> planned, Optional<AppOutcome> failed) {}

  private Read planOne(AppTarget target, boolean prune, Parallel.Pool addonReads) {
    CompletableFuture<Map<String, String>> owned =
        addonReads.supply(() -> target.destination().addonOwnedVars(client));
    try {
      Map<String, Secret> live = target.destination().configVars(client);
      Map<String, String> addonOwned = Parallel.get(owned);
      AppPlan plan = Planner.plan(target.env(), target.app(), live, addonOwned,
          target.liveOwned(), target.desired(), prune);
      ConfigLimit.checkAfterApply(target.app(), afterApply(target, live, addonOwned, prune));
      PlannedApp planned = new PlannedApp(target.destination(), plan, live);
      return new Read(Optional.of(planned), Optional.empty());
    } catch (EnvshiftException e) {
      owned.cancel(true);
      throwIfFatal(e);
      return new Read(Optional.empty(), Optional.of(new AppOutcome(target.env(), target.app(),
          AppOutcome.Status.FAILED, Optional.empty(), Optional.of(e.getMessage()))));
    }
  }

  /**
   * What the app holds once the plan is applied: its live vars (less those prune deletes) with the
   * sent ones set. Add-on and live-owned vars are never sent, so they keep their live values.
   */
  static Map<String, Secret> afterApply(AppTarget target, Map<String, Secret> live,
      Map<String, String> addonOwned, boolean prune) {
    Map<String, Secret> after = new LinkedHashMap<>(live);
    if (prune) {
      after.keySet().removeIf(name -> !target.desired().containsKey(name)
          && !addonOwned.containsKey(name) && !target.liveOwned().contains(name));
    }
    target.desired().forEach((name, value) -> {
      if (!addonOwned.containsKey(name) && !target.liveOwned().contains(name)) {
        after.put(name, value);
      }
    });
    return after;
  }

  /** A rejected token fails every app the same way: one message, not one per app. */
  static void throwIfFatal(EnvshiftException e) {
    if (e instanceof HerokuApiException api && api.status() == 401) {
      throw e;
    }
  }
}
