package envshift.push;

import envshift.EnvshiftException;
import envshift.heroku.Coupling;
import envshift.heroku.HerokuClient;
import envshift.heroku.Pipeline;
import envshift.manifest.HerokuTarget;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a manifest target into an app name: an app as is, a pipeline stage via its couplings. */
public final class TargetResolver {
  private final HerokuClient client;

  public TargetResolver(HerokuClient client) {
    this.client = client;
  }

  public String appFor(String env, HerokuTarget target) {
    if (target instanceof HerokuTarget.App app) return app.name();
    HerokuTarget.PipelineStage ps = (HerokuTarget.PipelineStage) target;
    Pipeline pipeline = client.pipeline(ps.pipeline());
    List<Coupling> all = client.pipelineCouplings(pipeline.id());
    List<Coupling> atStage = all.stream().filter(c -> c.stage().equals(ps.stage())).toList();
    if (atStage.size() == 1) return atStage.get(0).app().name();
    String coupled = all.isEmpty() ? "none" : all.stream()
        .map(c -> c.app().name() + " (" + c.stage() + ")").collect(Collectors.joining(", "));
    String problem = atStage.isEmpty() ? "no app is coupled to stage '" + ps.stage() + "'"
        : atStage.size() + " apps are coupled to stage '" + ps.stage() + "'";
    throw new EnvshiftException("environment " + env + ": pipeline " + pipeline.name() + ": "
        + problem + "; coupled apps: " + coupled);
  }
}
