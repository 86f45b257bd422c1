package envshift.heroku;

import java.util.Objects;

/**
 * A pipeline coupling as the API sends it: the stage and the app's id only (no name). Resolve names
 * with {@link HerokuClient#appsById} (one request) rather than one lookup per app.
 */
public record CoupledApp(String stage, String appId) {
  public CoupledApp {
    Objects.requireNonNull(stage, "stage == null");
    Objects.requireNonNull(appId, "appId == null");
  }
}
