package envshift.push;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.plan.AppOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The push use case behind plan, apply and cleanup: the manifest environments with a Heroku target
 * converted, resolved to apps, planned against the live configs, and applied.
 */
public final class PushService {
  private final Workspace workspace;
  private final Supplier<HerokuClient> clients;
  private final int concurrency;
  private final Consumer<LoadedEnvironment> onLoaded;
  private HerokuClient client;

  /**
   * @param clients gives the API client on first use (the CLI builds it up front, so a missing
   *     token fails before any decryption)
   * @param onLoaded hears each environment as it is converted (its warnings are the caller's to
   *     show)
   */
  public PushService(Workspace workspace, Supplier<HerokuClient> clients, int concurrency,
      Consumer<LoadedEnvironment> onLoaded) {
    this.workspace = workspace;
    this.clients = clients;
    this.concurrency = concurrency;
    this.onLoaded = onLoaded;
  }

  public Workspace workspace() {
    return workspace;
  }

  public HerokuClient client() {
    if (client == null) client = clients.get();
    return client;
  }

  /**
   * Converts every selected environment first, so a bad source fails before any request is made;
   * then resolves the targets and reads the apps. A target or app that cannot be read is a failed
   * outcome in the result, not an exception (except a rejected token).
   */
  public LivePlan plan(List<String> envNames, boolean prune) {
    List<LoadedEnvironment> loaded = new ArrayList<>();
    List<Environment> selected = workspace.manifest().select(envNames, true);
    try (var ahead = workspace.loader().readAhead(selected)) {
      for (Environment env : selected) {
        if (prune && env.sources().isEmpty()) {
          // After cleanup an environment may keep no sources: pruning against nothing deletes all.
          throw new EnvshiftException("environment " + env.name() + " has no sources (its values"
              + " live on Heroku only); --prune would delete every variable, refusing");
        }
        LoadedEnvironment l = workspace.loader().load(env);
        onLoaded.accept(l);
        loaded.add(l);
      }
    }
    TargetResolver resolver = new TargetResolver(client());
    List<AppTarget> targets = new ArrayList<>();
    List<AppOutcome> unresolved = new ArrayList<>();
    for (LoadedEnvironment l : loaded) {
      Environment env = l.environment();
      try {
        Destination where = resolver.resolve(env.heroku().orElseThrow());
        targets.add(new AppTarget(env.name(), where, l.vars().values(), Set.copyOf(env.live())));
      } catch (EnvshiftException e) {
        LivePlanner.throwIfFatal(e);
        unresolved.add(new AppOutcome(env.name(), env.heroku().orElseThrow().toString(),
            AppOutcome.Status.FAILED, Optional.empty(), Optional.of(e.getMessage())));
      }
    }
    return new LivePlanner(client(), concurrency).plan(targets, prune).withUnreadable(unresolved);
  }

  /**
   * Applies a plan: the changed apps written (one PATCH each, after the backup when there is
   * one), then the apps that could not be read, as failed outcomes. {@code progress} hears each
   * written app as it finishes, from worker threads.
   */
  public List<AppOutcome> apply(LivePlan live, Optional<BackupStore> backups,
      Consumer<AppOutcome> progress) {
    Applier applier = new Applier(client(), backups, concurrency);
    List<AppOutcome> outcomes = new ArrayList<>(applier.applyAll(live.planned(), progress));
    outcomes.addAll(live.unreadable());
    return List.copyOf(outcomes);
  }
}
