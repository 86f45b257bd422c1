package envshift.audit;

import envshift.Secret;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The drift use case: which apps (manifest environments, named apps or a pipeline's), which rules
 * (the manifest's when there is one), the live reads and the analysis.
 */
public final class DriftAudit {
  private final Path repoRoot;
  private final Supplier<Workspace> workspaces;
  private final Supplier<LiveConfigs> live;
  private final Consumer<LoadedEnvironment> onLoaded;

  /**
   * @param repoRoot where a manifest with drift rules may be (optional for apps and pipelines)
   * @param workspaces opens the repo, for the modes that need its manifest
   * @param onLoaded hears each environment converted by {@code --against-source}
   */
  public DriftAudit(Path repoRoot, Supplier<Workspace> workspaces, Supplier<LiveConfigs> live,
      Consumer<LoadedEnvironment> onLoaded) {
    this.repoRoot = repoRoot;
    this.workspaces = workspaces;
    this.live = live;
    this.onLoaded = onLoaded;
  }

  /** Named apps, labelled by their names; the repo's manifest rules apply if it has one. */
  public DriftReport apps(List<String> apps) {
    DriftRules rules = optionalManifestRules();
    List<AppRef> refs = apps.stream().map(a -> new AppRef(a, a)).toList();
    return DriftAnalyzer.analyze(live.get().read(refs), rules);
  }

  public DriftReport pipeline(String pipeline, boolean includeReview) {
    DriftRules rules = optionalManifestRules();
    return DriftAnalyzer.analyze(live.get().readPipeline(pipeline, includeReview), rules);
  }

  /**
   * Manifest environments. With {@code againstSource} their sources are converted first, so a bad
   * source or key fails before any request is made.
   */
  public DriftReport environments(List<String> names, boolean againstSource) {
    Workspace workspace = workspaces.get();
    List<Environment> selected = workspace.manifest().select(names, true);
    Map<String, Map<String, Secret>> declared = new HashMap<>();
    Map<String, Set<String>> liveOwned = new HashMap<>();
    selected.forEach(env -> liveOwned.put(env.name(), Set.copyOf(env.live())));
    if (againstSource) {
      try (var ahead = workspace.loader().readAhead(selected)) {
        for (Environment env : selected) {
          LoadedEnvironment loaded = workspace.loader().load(env);
          onLoaded.accept(loaded);
          declared.put(env.name(), loaded.vars().values());
        }
      }
    }
    List<AppConfig> configs = live.get().readEnvironments(selected);
    DriftReport report = DriftAnalyzer.analyze(configs, rules(workspace.manifest()));
    List<Finding> fromSource = new ArrayList<>();
    if (againstSource) {
      for (AppConfig app : configs) {
        fromSource.addAll(SourceDrift.compare(app.label(), app.vars(), app.addonOwned(),
            liveOwned.get(app.label()), declared.get(app.label())));
      }
    }
    return report.withFindings(fromSource);
  }

  /** The manifest's rules when the repo (default: the working directory) has one, else defaults. */
  private DriftRules optionalManifestRules() {
    if (!Files.isRegularFile(repoRoot.resolve(ManifestLoader.FILE_NAME))) {
      return DriftRules.DEFAULTS;
    }
    return rules(ManifestLoader.load(repoRoot));
  }

  private static DriftRules rules(Manifest manifest) {
    return new DriftRules(manifest.secretPatterns(), manifest.same(), manifest.envSpecific());
  }
}
