package envshift.manifest;

import envshift.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of the manifest: its sources, merged in order (later wins), and where the result
 * goes: a dev {@code .env} file, a Heroku app, or both. {@code origin} is its line in envshift.yml.
 */
public record Environment(
    String name,
    List<Source> sources,
    Optional<String> dotenv,
    Optional<HerokuTarget> heroku,
    Origin origin) {
  public Environment {
    Objects.requireNonNull(name, "name == null");
    sources = List.copyOf(sources);
    Objects.requireNonNull(dotenv, "dotenv == null");
    Objects.requireNonNull(heroku, "heroku == null");
    Objects.requireNonNull(origin, "origin == null");
  }
}
