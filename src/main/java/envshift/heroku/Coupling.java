package envshift.heroku;

import java.util.Objects;

/** An app's place in a pipeline; {@code stage}: review, development, staging, production, test. */
public record Coupling(String stage, App app) {
  public Coupling {
    Objects.requireNonNull(stage, "stage == null");
    Objects.requireNonNull(app, "app == null");
  }
}
