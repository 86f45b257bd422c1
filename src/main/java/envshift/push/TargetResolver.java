package envshift.push;

import envshift.EnvshiftException;
import envshift.heroku.Coupling;
import envshift.heroku.HerokuClient;
import envshift.heroku.Pipeline;
import envshift.manifest.HerokuTarget;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a manifest target into an app name: an app as is, a pipeline stage via the pipeline's
 * couplings. Each pipeline is read once however many environments name it. Not thread-safe.
 */
public final class TargetResolver {
  private final HerokuClient client;
  private final Map<String, PipelineApps> pipelines = new java.util.concurrent.ConcurrentHashMap<>();

  public TargetResolver(HerokuClient client) {
    this.client = client;
  }

  private record PipelineApps(Pipeline pipeline, List<Coupling> couplings) {}

  /** As {@link #appFor(HerokuTarget)}, with the environment named in a resolution error. */
  public String appFor(String env, HerokuTarget target) {
    try {
      return appFor(target);
    } catch (envshift.heroku.HerokuApiException e) {
      throw e;
    } catch (EnvshiftException e) {
      throw new EnvshiftException("environment " + env + ": " + e.getMessage(), e.exitCode(), e);
    }
  }

  /** The app the target names; a stage with none or several apps is an error naming them. */
  public String appFor(HerokuTarget target) {
    if (target instanceof HerokuTarget.App app) {
      return app.name();
    }
    HerokuTarget.PipelineStage ps = (HerokuTarget.PipelineStage) target;
    PipelineApps found = pipelines.computeIfAbsent(ps.pipeline(), name -> {
      Pipeline pipeline = client.pipeline(name);
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
