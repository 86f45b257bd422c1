package envshift.audit;

import java.util.Objects;

/**
 * An app to read for drift: {@code label} names its column (an environment, an app, a pipeline
 * stage) and {@code app} is its Heroku name or id.
 */
public record AppRef(String label, String app) {
  public AppRef {
    Objects.requireNonNull(label, "label == null");
    Objects.requireNonNull(app, "app == null");
  }
}
