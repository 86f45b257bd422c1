package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what is live on one app with what the source declares. Pure: the caller reads Heroku.
 *
 * <p>Rules, in the order they are checked for each name: an add-on-owned name is PROTECTED (listed
 * every time, so the user sees we recognised it, and never sent, not even with prune); a live-owned
 * name (rotated, listed under the manifest's {@code live:}) is LIVE, likewise never sent: the
 * source holds its retired value; a name in both is UNCHANGED or CHANGE; source only is ADD; live
 * only is REMOVE with prune, else KEEP.
 */
public final class Planner {
  private Planner() {}

  /** A plan for an environment without live-owned names. */
  public static AppPlan plan(
      String env,
      String app,
      Map<String, Secret> live,
      Map<String, String> addonOwned,
      Map<String, Secret> desired,
      boolean prune) {
    return plan(env, app, live, addonOwned, Set.of(), desired, prune);
  }

  public static AppPlan plan(
      String env,
      String app,
      Map<String, Secret> live,
      Map<String, String> addonOwned,
      Set<String> liveOwned,
      Map<String, Secret> desired,
      boolean prune) {
    Objects.requireNonNull(live, "live == null");
    Objects.requireNonNull(addonOwned, "addonOwned == null");
    Objects.requireNonNull(liveOwned, "liveOwned == null");
    Objects.requireNonNull(desired, "desired == null");
    // Sorted by name (String order), so the plan and the PATCH are the same on every run.
    TreeSet<String> names = new TreeSet<>(live.keySet());
    names.addAll(desired.keySet());
    // A live-owned name missing on the app is listed too: the app is meant to hold it.
    names.addAll(liveOwned);
    List<Change> changes = new ArrayList<>();
    for (String name : names) {
      Optional<Secret> was = Optional.ofNullable(live.get(name));
      Optional<Secret> wanted = Optional.ofNullable(desired.get(name));
      String addon = addonOwned.get(name);
      if (addon != null) {
        changes.add(Change.owned(name, was, wanted, addon));
      } else if (liveOwned.contains(name)) {
        changes.add(Change.liveOwned(name, was, wanted));
      } else if (was.isPresent() && wanted.isPresent()) {
        changes.add(
            was.get().sameAs(wanted.get())
                ? Change.unchanged(name, was.get())
                : Change.change(name, was.get(), wanted.get()));
      } else if (wanted.isPresent()) {
        changes.add(Change.add(name, wanted.get()));
      } else {
        changes.add(Change.liveOnly(name, was.get(), prune));
      }
    }
    return new AppPlan(env, app, changes);
  }
}
