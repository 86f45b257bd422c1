package envshift.heroku;

import java.util.Optional;

/** What a call is about, for error messages: an app, a pipeline, or nothing in particular. */
record Subject(String kind, String name) {
  static Subject app(String name) {
    return new Subject("app", name);
  }

  static Subject pipeline(String name) {
    return new Subject("pipeline", name);
  }

  static Subject account() {
    return new Subject("account", "");
  }

  /** The message prefix after {@code heroku: }: the app name, {@code pipeline x}, or nothing. */
  String label() {
    return switch (kind) {
      case "app" -> name;
      case "pipeline" -> "pipeline " + name;
      default -> "";
    };
  }

  Optional<String> app() {
    return kind.equals("app") ? Optional.of(name) : Optional.empty();
  }
}
