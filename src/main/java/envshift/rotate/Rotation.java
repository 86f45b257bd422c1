package envshift.rotate;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.SecureFiles;
import envshift.convert.DotenvTarget;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.push.BackupStore;
import envshift.push.TargetResolver;
import envshift.settings.DotenvFlavor;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rotate use case, in two steps around the user's confirmation: {@link #prepare} checks
 * everything and reads what it needs (the app, the dev .env, the manifest edit), writing nothing;
 * {@link #execute} rotates on Heroku, then records the names under {@code live:} and gives the dev
 * .env values of its own.
 */
public final class Rotation {
  /** What the user asked for. */
  public record Request(List<String> names, List<String> envs, Optional<String> generator,
      boolean allowProduction, boolean force, Optional<DotenvFlavor> alsoDotenv) {
    public Request {
      names = List.copyOf(names);
      envs = List.copyOf(envs);
      Objects.requireNonNull(generator, "generator == null");
      Objects.requireNonNull(alsoDotenv, "alsoDotenv == null");
    }
  }

  /** Checked and read, nothing written: what {@link #execute} will do. */
  public static final class Ready {
    private final Request request;
    private final Map<String, Secret> values;
    private final Prepared prepared;
    private final Optional<DevDotenv> dev;
    private final LiveRecord record;

    private Ready(Request request, Map<String, Secret> values, Prepared prepared,
        Optional<DevDotenv> dev, LiveRecord record) {
      this.request = request;
      this.values = values;
      this.prepared = prepared;
      this.dev = dev;
      this.record = record;
    }

    public String env() {
      return prepared.env();
    }

    public String app() {
      return prepared.app();
    }

    public List<String> names() {
      return prepared.names();
    }
  }

  /** What was done: the rotation, the manifest change, the dev .env's fate (one line each). */
  public record Result(Rotated rotated, Optional<String> manifestChange, List<String> devDotenv) {
    public Result {
      Objects.requireNonNull(rotated, "rotated == null");
      Objects.requireNonNull(manifestChange, "manifestChange == null");
      devDotenv = List.copyOf(devDotenv);
    }
  }

  private final Workspace workspace;
  private final HerokuClient client;
  private final Optional<BackupStore> backups;
  private final SecureRandom rng;

  public Rotation(Workspace workspace, HerokuClient client, Optional<BackupStore> backups,
      SecureRandom rng) {
    this.workspace = workspace;
    this.client = client;
    this.backups = backups;
    this.rng = rng;
  }

  /**
   * Every check before anything is written: names, one environment with an app (production only
   * when allowed), the live app (set, not add-on owned), what envshift cannot rotate alone (each
   * told to {@code explain}), the dev .env read and decrypted, the manifest edit prepared.
   */
  public Ready prepare(Request request, Consumer<String> explain) {
    RotationPolicy.checkNames(request.names());
    Environment env = single(workspace.manifest().select(request.envs(), true));
    RotationPolicy.checkEnvironment(env, request.allowProduction());
    // drawn now, so a bad --generator is refused before any request
    Map<String, Secret> values = Rotator.generate(request.names(), request.generator(), rng);
    Optional<DevDotenv> dev = request.alsoDotenv().map(this::devDotenv);
    String app = new TargetResolver(client).appFor(env.name(), env.heroku().orElseThrow());
    Prepared prepared = new Rotator(client, backups).prepare(env.name(), app, request.names());
    // After the live read, so an add-on's var gets the add-on's own rotation command instead.
    RotationPolicy.checkAlone(request.names(), request.force(), explain);
    LiveRecord record = LiveRecord.prepare(workspace.root(), env.name(), request.names());
    return new Ready(request, values, prepared, dev, record);
  }

  /** Rotates in one backed-up, verified PATCH; then the manifest and the dev .env. */
  public Result execute(Ready ready) {
    Rotated rotated = new Rotator(client, backups).rotate(ready.prepared, ready.values);
    Optional<String> manifestChange = ready.record.write();
    List<String> devLines = ready.dev.map(d -> updateDev(ready, d)).orElse(List.of());
    return new Result(rotated, manifestChange, devLines);
  }

  /** Rotation writes one app: a name given twice is taken once, two names are refused. */
  private static Environment single(List<Environment> selected) {
    if (selected.size() != 1) {
      throw EnvshiftException.usage("rotate: name one environment with --env (got "
          + selected.stream().map(Environment::name).toList() + ")");
    }
    return selected.get(0);
  }

  /** Read (and decrypted) before anything is written, so a bad .env stops the rotation early. */
  private DevDotenv devDotenv(DotenvFlavor flavor) {
    Environment dev = workspace.manifest().environment(Environment.DEVELOPMENT);
    String path = dev.dotenv().orElse(".env");
    DotenvTarget.check(workspace, workspace.root().resolve(path).normalize());
    return DevDotenv.read(workspace.root(), path, flavor, workspace.keyRing());
  }

  /** The development values are generated apart: dev must never share staging's secret. */
  private List<String> updateDev(Ready ready, DevDotenv dev) {
    List<String> held = dev.holding(ready.names());
    if (held.isEmpty()) {
      return List.of(dev.path() + (dev.exists() ? ": holds none of them, unchanged" : ": absent"));
    }
    Map<String, Secret> own = Rotator.generate(held, ready.request.generator(), rng);
    try {
      byte[] content = dev.updated(own, workspace.keyRing());
      SecureFiles.write(workspace.root().resolve(dev.path()), content);
    } catch (EnvshiftException e) {
      throw new EnvshiftException("rotated on Heroku, but " + dev.path() + " was not updated: "
          + e.getMessage(), e);
    }
    List<String> lines = new ArrayList<>();
    lines.add(dev.path() + ": new development value for " + String.join(", ", held)
        + " (not the same as " + ready.env() + "'s)");
    return lines;
  }
}
