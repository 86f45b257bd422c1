package envshift.manifest;

import envshift.Origin;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One environment of the manifest: its sources, merged in order (later wins), and where the result
 * goes: a dev {@code .env} file, a Heroku app, or both. {@code origin} is its line in envshift.yml.
 * {@code live} names the vars the Heroku app owns since {@code envshift rotate} gave them new
 * values: their source values are retired, so no command puts them back, changes or deletes them.
 */
public record Environment(
    String name,
    List<Source> sources,
    Optional<String> dotenv,
    Optional<HerokuTarget> heroku,
    Origin origin,
    List<String> live) {
  /** The environment the single dev .env is written from. */
  public static final String DEVELOPMENT = "development";

  public Environment {
    Objects.requireNonNull(name, "name == null");
    sources = List.copyOf(sources);
    Objects.requireNonNull(dotenv, "dotenv == null");
    Objects.requireNonNull(heroku, "heroku == null");
    Objects.requireNonNull(origin, "origin == null");
    live = List.copyOf(live);
  }

  /** An environment without live-owned vars (none rotated yet). */
  public Environment(String name, List<Source> sources, Optional<String> dotenv,
      Optional<HerokuTarget> heroku, Origin origin) {
    this(name, sources, dotenv, heroku, origin, List.of());
  }
}
