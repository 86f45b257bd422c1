package envshift.push;

import envshift.plan.AppOutcome;
import envshift.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading Heroku gave, in the order the environments were asked for: a plan for every app
 * that could be read, and a failed outcome (with the reason) for every one that could not. One
 * unreadable app never hides the plans of the others.
 */
public record LivePlan(List<PlannedApp> planned, List<AppOutcome> unreadable) {
  public LivePlan {
    planned = List.copyOf(planned);
    unreadable = List.copyOf(unreadable);
  }

  /** The plans alone, for rendering and for {@code --detailed-exitcode}. */
  public Plan plan() {
    return new Plan(planned.stream().map(PlannedApp::plan).toList());
  }

  public boolean anyUnreadable() {
    return !unreadable.isEmpty();
  }

  /** This plan with more apps that could not be read (targets that did not resolve). */
  public LivePlan withUnreadable(List<AppOutcome> more) {
    List<AppOutcome> all = new ArrayList<>(more);
    all.addAll(unreadable);
    return new LivePlan(planned, all);
  }
}
