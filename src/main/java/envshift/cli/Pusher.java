package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.push.AppTarget;
import envshift.push.LivePlanner;
import envshift.push.PlannedApp;
import envshift.push.TargetResolver;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

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

  List<PlannedApp> plan(List<String> envNames, boolean prune) {
    List<AppTarget> targets = targets(envNames);
    return new LivePlanner(client(), heroku.concurrency()).plan(targets, prune);
  }

  /** Converts every selected environment first, so a bad source fails before any request is made. */
  private List<AppTarget> targets(List<String> envNames) {
    PrintWriter err = root.spec.commandLine().getErr();
    List<Environment> selected = new ArrayList<>();
    if (envNames.isEmpty()) {
      conversion.manifest().environments().stream().filter(e -> e.heroku().isPresent()).forEach(selected::add);
    } else {
      for (String name : envNames) {
        Environment env = conversion.manifest().environment(name);
        if (env.heroku().isEmpty()) {
          throw EnvshiftException.usage("environment " + name + " has no heroku target in envshift.yml");
        }
        selected.add(env);
      }
    }
    if (selected.isEmpty()) {
      throw new EnvshiftException("no environment in envshift.yml has a heroku target");
    }
    List<LoadedEnvironment> loaded = new ArrayList<>();
    for (Environment env : selected) {
      LoadedEnvironment l = conversion.loader().load(env);
      Conversion.report(l, err);
      loaded.add(l);
    }
    TargetResolver resolver = new TargetResolver(client());
    List<AppTarget> targets = new ArrayList<>();
    for (LoadedEnvironment l : loaded) {
      Environment env = l.environment();
      String app = resolver.appFor(env.name(), env.heroku().orElseThrow());
      targets.add(new AppTarget(env.name(), app, l.vars().values()));
    }
    return targets;
  }
}
