package envshift.manifest;

import java.util.Objects;

/** Where an environment's vars go on Heroku: one app, or the app at a pipeline stage. */
public sealed interface HerokuTarget {
  record App(String name) implements HerokuTarget {
    public App {
      Objects.requireNonNull(name, "name == null");
    }

    @Override
    public String toString() {
      return "app " + name;
    }
  }

  /** Resolved to an app through the pipeline's couplings when the plan is made. */
  record PipelineStage(String pipeline, String stage) implements HerokuTarget {
    public PipelineStage {
      Objects.requireNonNull(pipeline, "pipeline == null");
      Objects.requireNonNull(stage, "stage == null");
    }

    @Override
    public String toString() {
      return "pipeline " + pipeline + " stage " + stage;
    }
  }
}
