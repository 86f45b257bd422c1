package envshift.push;

import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.heroku.Pipeline;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a resolved target's config vars live: an app's, or a pipeline stage's (the vars review
 * apps and Heroku CI start from, which no add-on owns and whose writes make no release). Plans,
 * outcomes and drift columns name it by {@link #label()}.
 */
public sealed interface Destination {
  /** The stages whose apps are short-lived: a target there means the stage's own config vars. */
  Set<String> STAGES_WITH_VARS = Set.of("review", "test");

  /** The app's name, or {@code pipeline P (review)}. */
  String label();

  /** The live config vars, in the order received. */
  Map<String, Secret> configVars(HerokuClient client);

  /** Config var name → owning add-on; a pipeline stage has no add-ons. */
  Map<String, String> addonOwnedVars(HerokuClient client);

  record App(String name) implements Destination {
    public App {
      Objects.requireNonNull(name, "name == null");
    }

    @Override
    public String label() {
      return name;
    }

    @Override
    public Map<String, Secret> configVars(HerokuClient client) {
      return client.configVars(name);
    }

    @Override
    public Map<String, String> addonOwnedVars(HerokuClient client) {
      return client.addonOwnedVars(name);
    }
  }

  record Stage(Pipeline pipeline, String stage) implements Destination {
    public Stage {
      Objects.requireNonNull(pipeline, "pipeline == null");
      Objects.requireNonNull(stage, "stage == null");
    }

    @Override
    public String label() {
      return "pipeline " + pipeline.name() + " (" + stage + ")";
    }

    @Override
    public Map<String, Secret> configVars(HerokuClient client) {
      return client.stageConfigVars(pipeline, stage);
    }

    @Override
    public Map<String, String> addonOwnedVars(HerokuClient client) {
      return Map.of();
    }
  }
}
