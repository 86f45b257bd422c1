package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.plan.AppOutcome;
import envshift.push.AppTarget;
import envshift.push.LivePlan;
import envshift.push.LivePlanner;
import envshift.push.TargetResolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Wiring shared by plan and apply: manifest environments with a Heroku target → live plans. */
final class Pusher {
  private final Envshift root;
  private final Conversion conversion;
  private final HerokuOptions heroku;
  private HerokuClient client;

  Pusher(Envshift root, RepoOptions repo, KeyOptions keys, HerokuOptions heroku) {
    this.root = root;
    this.heroku = heroku;
    this.conversion = new Conversion(root.context(), repo, keys);
  }

  Conversion conversion() {
    return conversion;
  }

  HerokuClient client() {
    if (client == null) {
      client = heroku.client(root.context(), root.debug, root.spec.commandLine().getErr());
    }
    return client;
  }

  /**
   * Converts every selected environment first, so a bad source fails before any request is made;
   * then resolves the targets and reads the apps. A target or app that cannot be read is a failed
   * outcome in the result, not an exception (except a rejected token).
   */
  LivePlan plan(List<String> envNames, boolean prune) {
    List<LoadedEnvironment> loaded = new ArrayList<>();
    for (Environment env : selected(envNames)) {
      if (prune && env.sources().isEmpty()) {
        // After cleanup an environment may keep no sources: pruning against nothing deletes all.
        throw new EnvshiftException("environment " + env.name() + " has no sources (its values live"
            + " on Heroku only); --prune would delete every variable, refusing");
      }
      LoadedEnvironment l = conversion.loader().load(env);
      Conversion.report(l, root.spec.commandLine().getErr());
      loaded.add(l);
    }
    TargetResolver resolver = new TargetResolver(client());
    List<AppTarget> targets = new ArrayList<>();
    List<AppOutcome> unresolved = new ArrayList<>();
    for (LoadedEnvironment l : loaded) {
      Environment env = l.environment();
      try {
        String app = resolver.appFor(env.heroku().orElseThrow());
        targets.add(new AppTarget(env.name(), app, l.vars().values(), Set.copyOf(env.live())));
      } catch (EnvshiftException e) {
        rethrowIfTokenRejected(e);
        unresolved.add(new AppOutcome(env.name(), Targets.describe(env.heroku().orElseThrow()),
            AppOutcome.Status.FAILED, Optional.empty(), Optional.of(e.getMessage())));
      }
    }
    return new LivePlanner(client(), heroku.concurrency()).plan(targets, prune)
        .withUnreadable(unresolved);
  }

  private List<Environment> selected(List<String> envNames) {
    List<Environment> selected = new ArrayList<>();
    if (envNames.isEmpty()) {
      conversion.manifest().environments().stream()
          .filter(e -> e.heroku().isPresent()).forEach(selected::add);
    } else {
      for (String name : envNames) {
        Environment env = conversion.manifest().environment(name);
        if (env.heroku().isEmpty()) {
          throw EnvshiftException.usage(
              "environment " + name + " has no heroku target in envshift.yml");
        }
        selected.add(env);
      }
    }
    if (selected.isEmpty()) {
      throw new EnvshiftException("no environment in envshift.yml has a heroku target");
    }
    return selected;
  }

  private static void rethrowIfTokenRejected(EnvshiftException e) {
    if (e instanceof envshift.heroku.HerokuApiException api && api.status() == 401) {
      throw e;
    }
  }

  /** Apps that could not be read, one line each on stderr (plan prints no summary of outcomes). */
  static void reportUnreadable(LivePlan live, PrintWriter err) {
    live.unreadable().forEach(o -> err.println(
        "envshift: " + o.env() + " → " + o.app() + ": " + o.why().orElse("failed")));
  }
}
