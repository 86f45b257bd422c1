package envshift.heroku;

import java.util.Objects;

/** A Heroku pipeline: its UUID (needed for the couplings endpoint) and its name. */
public record Pipeline(String id, String name) {
  public Pipeline {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }
}
