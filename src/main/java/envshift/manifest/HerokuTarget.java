package envshift.manifest;

import java.util.Objects;

/**
 * Where an environment's vars go on Heroku: one app, or a pipeline stage (the app coupled there,
 * or for review and test the pipeline stage's own config vars).
 */
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

  /**
   * Resolved when the plan is made: review and test to the stage's config vars, other stages to
   * the app coupled there.
   */
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
