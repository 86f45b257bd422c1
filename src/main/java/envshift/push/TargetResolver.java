package envshift.push;

import envshift.EnvshiftException;
import envshift.heroku.Coupling;
import envshift.heroku.HerokuClient;
import envshift.heroku.Pipeline;
import envshift.manifest.HerokuTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Turns a manifest target into a destination: an app as is; a review or test stage (whose apps
 * come and go) into the pipeline stage's own config vars; another stage into the app coupled there.
 * Each pipeline is read once however many environments name it. Thread-safe.
 */
public final class TargetResolver {
  private final HerokuClient client;
  private final Map<String, PipelineApps> pipelines = new ConcurrentHashMap<>();
  private final Map<String, Pipeline> byName = new ConcurrentHashMap<>();

  public TargetResolver(HerokuClient client) {
    this.client = client;
  }

  private record PipelineApps(Pipeline pipeline, List<Coupling> couplings) {}

  /** As {@link #resolve(HerokuTarget)}, with the environment named in a resolution error. */
  public Destination resolve(String env, HerokuTarget target) {
    return named(env, () -> resolve(target));
  }

  /** Where the target's vars go: an app, or a review/test stage's pipeline config vars. */
  public Destination resolve(HerokuTarget target) {
    if (target instanceof HerokuTarget.PipelineStage ps
        && Destination.STAGES_WITH_VARS.contains(ps.stage())) {
      return new Destination.Stage(byName.computeIfAbsent(ps.pipeline(), client::pipeline),
          ps.stage());
    }
    return new Destination.App(appFor(target));
  }

  /** As {@link #appFor(HerokuTarget)}, with the environment named in a resolution error. */
  public String appFor(String env, HerokuTarget target) {
    return named(env, () -> appFor(target));
  }

  private static <T> T named(String env, Supplier<T> resolution) {
    try {
      return resolution.get();
    } catch (envshift.heroku.HerokuApiException e) {
      throw e;
    } catch (EnvshiftException e) {
      throw new EnvshiftException("environment " + env + ": " + e.getMessage(), e.exitCode(), e);
    }
  }

  /**
   * The app the target names; a stage with none or several apps is an error naming them, and so
   * is a review or test stage (its target is the stage's config vars, not an app).
   */
  public String appFor(HerokuTarget target) {
    if (target instanceof HerokuTarget.App app) {
      return app.name();
    }
    HerokuTarget.PipelineStage ps = (HerokuTarget.PipelineStage) target;
    if (Destination.STAGES_WITH_VARS.contains(ps.stage())) {
      throw new EnvshiftException("stage " + ps.stage() + " of pipeline " + ps.pipeline()
          + " is the pipeline's " + ps.stage() + " config vars, not an app");
    }
    PipelineApps found = pipelines.computeIfAbsent(ps.pipeline(), name -> {
      Pipeline pipeline = byName.computeIfAbsent(name, client::pipeline);
      return new PipelineApps(pipeline, client.pipelineCouplings(pipeline.id()));
    });
    List<Coupling> all = found.couplings();
    List<Coupling> atStage = all.stream().filter(c -> c.stage().equals(ps.stage())).toList();
    if (atStage.size() == 1) {
      return atStage.get(0).app().name();
    }
    String coupled = all.isEmpty() ? "none" : all.stream()
        .map(c -> c.app().name() + " (" + c.stage() + ")").sorted()
        .collect(Collectors.joining(", "));
    String where = " stage " + ps.stage() + " of pipeline " + found.pipeline().name();
    String problem = atStage.isEmpty() ? "no app is coupled to" + where
        : atStage.size() + " apps are coupled to" + where + " (expected one)";
    throw new EnvshiftException(problem + "; coupled apps: " + coupled);
  }
}
