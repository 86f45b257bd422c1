package envshift.cli;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.audit.AppRef;
import envshift.audit.LiveConfigs;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.plan.AppConfig;
import envshift.plan.DriftAnalyzer;
import envshift.plan.DriftReport;
import envshift.plan.DriftRules;
import envshift.plan.Finding;
import envshift.plan.SourceDrift;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wiring behind {@code drift}: which apps (manifest environments, named apps or a pipeline's),
 * which rules (the manifest's when there is one), the live reads and the analysis.
 */
final class DriftAudit {
  private final Envshift root;
  private final RepoOptions repo;
  private final KeyOptions keys;
  private final HerokuOptions heroku;

  DriftAudit(Envshift root, RepoOptions repo, KeyOptions keys, HerokuOptions heroku) {
    this.root = root;
    this.repo = repo;
    this.keys = keys;
    this.heroku = heroku;
  }

  /** Named apps, labelled by their names; the repo's manifest rules apply if it has one. */
  DriftReport apps(List<String> apps) {
    DriftRules rules = optionalManifestRules();
    List<AppRef> refs = apps.stream().map(a -> new AppRef(a, a)).toList();
    return DriftAnalyzer.analyze(live().read(refs), rules);
  }

  DriftReport pipeline(String pipeline, boolean includeReview) {
    DriftRules rules = optionalManifestRules();
    return DriftAnalyzer.analyze(live().readPipeline(pipeline, includeReview), rules);
  }

  /**
   * Manifest environments. With {@code againstSource} their sources are converted first, so a bad
   * source or key fails before any request is made.
   */
  DriftReport environments(List<String> names, boolean againstSource) {
    Conversion conversion = new Conversion(root.context(), repo, keys);
    List<Environment> selected = select(conversion.manifest(), names);
    Map<String, Map<String, Secret>> declared = new HashMap<>();
    Map<String, Set<String>> liveOwned = new HashMap<>();
    selected.forEach(env -> liveOwned.put(env.name(), Set.copyOf(env.live())));
    if (againstSource) {
      for (Environment env : selected) {
        LoadedEnvironment loaded = conversion.loader().load(env);
        Conversion.report(loaded, root.spec.commandLine().getErr());
        declared.put(env.name(), loaded.vars().values());
      }
    }
    List<AppConfig> live = live().readEnvironments(selected);
    DriftReport report = DriftAnalyzer.analyze(live, rules(conversion.manifest()));
    List<Finding> fromSource = new ArrayList<>();
    if (againstSource) {
      for (AppConfig app : live) {
        fromSource.addAll(SourceDrift.compare(app.label(), app.vars(), app.addonOwned(),
            liveOwned.get(app.label()), declared.get(app.label())));
      }
    }
    return report.withFindings(fromSource);
  }

  private static List<Environment> select(Manifest manifest, List<String> names) {
    if (names.isEmpty()) {
      List<Environment> all =
          manifest.environments().stream().filter(e -> e.heroku().isPresent()).toList();
      if (all.isEmpty()) {
        throw new EnvshiftException("no environment in envshift.yml has a heroku target");
      }
      return all;
    }
    List<Environment> selected = new ArrayList<>();
    for (String name : names) {
      Environment env = manifest.environment(name);
      if (env.heroku().isEmpty()) {
        throw EnvshiftException.usage(
            "environment " + name + " has no heroku target in envshift.yml");
      }
      if (selected.contains(env)) {
        throw EnvshiftException.usage("drift: environment " + name + " is listed twice");
      }
      selected.add(env);
    }
    return selected;
  }

  /** The manifest's rules when the repo (default: the working directory) has one, else defaults. */
  private DriftRules optionalManifestRules() {
    Path dir = repo.root(root.context());
    if (!Files.isRegularFile(dir.resolve(ManifestLoader.FILE_NAME))) {
      return DriftRules.DEFAULTS;
    }
    return rules(ManifestLoader.load(dir));
  }

  private static DriftRules rules(Manifest manifest) {
    return new DriftRules(manifest.secretPatterns(), manifest.same(), manifest.envSpecific());
  }

  private LiveConfigs live() {
    var client = heroku.client(root.context(), root.debug, root.spec.commandLine().getErr());
    return new LiveConfigs(client, heroku.concurrency());
  }
}
