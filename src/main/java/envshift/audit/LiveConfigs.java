package envshift.audit;

import envshift.EnvshiftException;
import envshift.Parallel;
import envshift.Secret;
import envshift.heroku.CoupledApp;
import envshift.heroku.HerokuClient;
import envshift.heroku.Pipeline;
import envshift.manifest.Environment;
import envshift.plan.AppConfig;
import envshift.push.Destination;
import envshift.push.TargetResolver;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Reads what drift compares: each app's config vars and the vars its add-ons own, for many apps at
 * once. {@code concurrency} apps are read at a time, each with its two requests side by side;
 * results keep the order asked for, and the first failure (in that order) is thrown.
 */
public final class LiveConfigs {
  private final HerokuClient client;
  private final int concurrency;

  public LiveConfigs(HerokuClient client, int concurrency) {
    this.client = Objects.requireNonNull(client, "client == null");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency < 1");
    }
    this.concurrency = concurrency;
  }

  /** The apps' live configs, labelled as given. Labels must be unique. */
  public List<AppConfig> read(List<AppRef> apps) {
    Set<String> labels = new HashSet<>();
    apps.stream().filter(a -> !labels.add(a.label())).findFirst().ifPresent(a -> {
      throw EnvshiftException.usage("drift: '" + a.label() + "' is listed twice");
    });
    try (Parallel.Pool reads = new Parallel.Pool(threads(apps.size()), "envshift-read")) {
      List<Pending> pending =
          apps.stream().map(a -> start(reads, new Destination.App(a.app()))).toList();
      return IntStream.range(0, apps.size())
          .mapToObj(i -> pending.get(i).finish(apps.get(i).label(), apps.get(i).app()))
          .toList();
    }
  }

  /**
   * Every app coupled to the pipeline (review and test apps only with {@code includeReview}),
   * labelled by stage. Read by id, so no app needs looking up first; the names come from one
   * filter request made while the configs are read.
   */
  public List<AppConfig> readPipeline(String pipelineName, boolean includeReview) {
    Pipeline pipeline = client.pipeline(pipelineName);
    List<CoupledApp> chosen = PipelineApps.select(
        pipeline.name(), client.pipelineCouplingIds(pipeline.id()), includeReview);
    List<String> ids = chosen.stream().map(CoupledApp::appId).toList();
    try (Parallel.Pool reads = new Parallel.Pool(threads(ids.size()) + 1, "envshift-read")) {
      Future<Map<String, String>> names =
          reads.submit(() -> new AppNames(client).resolve(ids, reads));
      List<Pending> pending =
          ids.stream().map(id -> start(reads, new Destination.App(id))).toList();
      Map<String, String> resolved = Parallel.get(names);
      return PipelineApps.columns(chosen, resolved).stream()
          .map(c -> pending.get(c.index()).finish(c.label(), c.name()))
          .toList();
    }
  }

  /**
   * What the environments target, labelled by environment: an app (a pipeline stage resolved
   * through its couplings), or a review or test stage's pipeline config vars.
   */
  public List<AppConfig> readEnvironments(List<Environment> envs) {
    TargetResolver resolver = new TargetResolver(client);
    List<Destination> where = Parallel.map(envs, concurrency, env -> resolver.resolve(env.name(),
        env.heroku().orElseThrow(() -> new AuditException(
            "environment " + env.name() + " has no heroku target in envshift.yml"))));
    try (Parallel.Pool reads = new Parallel.Pool(threads(envs.size()), "envshift-read")) {
      List<Pending> pending = where.stream().map(d -> start(reads, d)).toList();
      return IntStream.range(0, envs.size())
          .mapToObj(i -> pending.get(i).finish(envs.get(i).name(), where.get(i).label()))
          .toList();
    }
  }

  /** Two reads per app; at least two threads: a task that waits on reads it submitted holds one. */
  private int threads(int apps) {
    return Math.max(2, 2 * Math.min(apps, concurrency));
  }

  private Pending start(Parallel.Pool reads, Destination where) {
    return new Pending(reads.submit(() -> where.configVars(client)),
        reads.submit(() -> where.addonOwnedVars(client)));
  }

  /** One app's two reads in flight. */
  private record Pending(Future<Map<String, Secret>> config, Future<Map<String, String>> owned) {
    AppConfig finish(String label, String app) {
      return new AppConfig(label, app, Parallel.get(config), Parallel.get(owned));
    }
  }
}
