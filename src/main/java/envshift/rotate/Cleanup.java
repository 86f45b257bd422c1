package envshift.rotate;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Manifest;
import envshift.plan.Action;
import envshift.plan.AppPlan;
import envshift.push.LivePlan;
import envshift.push.PlannedApp;
import envshift.push.PushService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cleanup use case: verify that every variable of the legacy files is live as migrated (or
 * rotated, or add-on owned, or dropped), then remove those files. Verification reads only;
 * {@link #execute} is the one step that writes.
 */
public final class Cleanup {
  /** What one environment's app holds of its migrated variables. */
  public record Live(String env, String app, int unchanged, int addonOwned, int rotated) {}

  /** The verification: per environment, what is live; what is not; and what would be removed. */
  public record Verification(List<Live> live, List<Unverified> unverified, CleanupPlan plan) {
    public Verification {
      live = List.copyOf(live);
      unverified = List.copyOf(unverified);
    }

    public boolean verified() {
      return unverified.isEmpty();
    }
  }

  private final PushService push;

  public Cleanup(PushService push) {
    this.push = push;
  }

  /** Plans every environment with a Heroku target against its app (no --prune) and checks it. */
  public Verification verify() {
    LivePlan livePlan = push.plan(List.of(), false);
    if (livePlan.anyUnreadable()) {
      throw new EnvshiftException("cleanup refused: cannot read "
          + livePlan.unreadable().stream().map(o -> o.app() + " (" + o.why().orElse("?") + ")")
              .collect(Collectors.joining(", ")));
    }
    Manifest manifest = push.workspace().manifest();
    List<PlannedApp> planned = livePlan.planned();
    // converted once already by the plan (read ahead there); the loader caches each source, so
    // these loads read nothing and need no read-ahead of their own
    List<LoadedEnvironment> loaded = planned.stream()
        .map(p -> push.workspace().loader().load(p.plan().env())).toList();
    Set<String> migrated = CleanupPlanner.migrated(manifest, loaded);
    List<Live> live = new ArrayList<>();
    List<Unverified> unverified = new ArrayList<>();
    for (int i = 0; i < planned.size(); i++) {
      AppPlan plan = planned.get(i).plan();
      if (loaded.get(i).sources().stream().noneMatch(src -> migrated.contains(src.path()))) {
        continue;
      }
      Set<String> rotated = Set.copyOf(manifest.environment(plan.env()).live());
      unverified.addAll(
          CleanupCheck.check(plan, loaded.get(i), migrated, manifest.rules(), rotated));
      live.add(new Live(plan.env(), plan.app(), plan.count(Action.UNCHANGED),
          plan.count(Action.PROTECTED), rotated.size()));
    }
    return new Verification(live, unverified,
        CleanupPlanner.plan(push.workspace().root(), manifest, migrated));
  }

  /** Removes what a verified plan lists; one line per change made. */
  public List<String> execute(Verification verification) {
    if (!verification.verified()) {
      throw new IllegalStateException("cleanup of an unverified plan");
    }
    return new RepoCleaner(push.workspace().root())
        .execute(verification.plan(), Optional.of(push.workspace().manifest()));
  }
}
