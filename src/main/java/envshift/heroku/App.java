package envshift.heroku;

import java.util.Objects;

/** A Heroku app as the Platform API names it: its UUID and its name. */
public record App(String id, String name) {
  public App {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
  }
}
