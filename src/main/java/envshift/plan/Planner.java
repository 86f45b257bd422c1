package envshift.plan;

import envshift.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares what is live on one app with what the source declares. Pure: the caller reads Heroku.
 *
 * <p>Rules, in the order they are checked for each name: an add-on-owned name is PROTECTED (listed
 * every time, so the user sees we recognised it, and never sent, not even with prune); a name in
 * both is UNCHANGED or CHANGE; source only is ADD; live only is REMOVE with prune, else KEEP.
 */
public final class Planner {
  private Planner() {}

  public static AppPlan plan(
      String env,
      String app,
      Map<String, Secret> live,
      Map<String, String> addonOwned,
      Map<String, Secret> desired,
      boolean prune) {
    Objects.requireNonNull(live, "live == null");
    Objects.requireNonNull(addonOwned, "addonOwned == null");
    Objects.requireNonNull(desired, "desired == null");
    // Sorted by name (String order), so the plan and the PATCH are the same on every run.
    TreeSet<String> names = new TreeSet<>(live.keySet());
    names.addAll(desired.keySet());
    List<Change> changes = new ArrayList<>();
    for (String name : names) {
      Optional<Secret> was = Optional.ofNullable(live.get(name));
      Optional<Secret> wanted = Optional.ofNullable(desired.get(name));
      String addon = addonOwned.get(name);
      if (addon != null) {
        changes.add(Change.owned(name, was, wanted, addon));
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
