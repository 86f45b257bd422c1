package envshift.cli;

import envshift.manifest.HerokuTarget;

/** How a Heroku target reads in human output. */
final class Targets {
  private Targets() {}

  static String describe(HerokuTarget target) {
    if (target instanceof HerokuTarget.App app) return "app " + app.name();
    HerokuTarget.PipelineStage ps = (HerokuTarget.PipelineStage) target;
    return "pipeline " + ps.pipeline() + " stage " + ps.stage();
  }
}
