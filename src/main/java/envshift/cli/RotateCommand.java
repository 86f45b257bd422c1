package envshift.cli;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.access.EncryptionRecipients;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.manifest.Environment;
import envshift.plan.Generators;
import envshift.push.TargetResolver;
import envshift.SecureFiles;
import envshift.rotate.DevDotenv;
import envshift.rotate.LiveRecord;
import envshift.rotate.Prepared;
import envshift.rotate.Rotated;
import envshift.rotate.RotationPolicy;
import envshift.rotate.Rotator;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envshift rotate}: new values, one backed-up and verified PATCH, restored on failure. */
@Command(name = "rotate", mixinStandardHelpOptions = true, description = {
    "Generate new values for secrets, push them in one release, keep the old ones recoverable.",
    "Prints the release and the names rotated, never the values."})
final class RotateCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku;
  @Mixin ConfirmOptions confirm;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The config vars to rotate.")
  List<String> names;

  @Option(names = "--env", required = true, paramLabel = "NAME",
      description = "The environment (from envshift.yml) whose Heroku app to rotate on.")
  List<String> envNames;

  @Option(names = "--generator", paramLabel = "G", description = {
      "django-secret-key, hex:N, base64url:N, password:N or uuid. Default:",
      "django-secret-key for SECRET_KEY and DJANGO_SECRET_KEY, else base64url:32."})
  String generator;

  @Option(names = "--allow-production", description = "Allow a production environment or stage.")
  boolean allowProduction;

  @Option(names = "--force", description = "Also rotate vars an external service issues (API keys,"
      + " tokens, passwords, URLs); you then give that service the new value.")
  boolean force;

  @Option(names = "--also-dotenv", description = "Also give the rotated names a new (different) "
      + "value in the development .env, when it holds them.")
  boolean alsoDotenv;

  @Option(names = "--flavor", paramLabel = "F", description = "Dev .env reader: compose|python.")
  String flavor = "compose";

  @ArgGroup(exclusive = true)
  BackupOptions backup = new BackupOptions();

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    RotationPolicy.checkNames(names);
    Workspace conversion = root.workspace(repo, keys);
    Environment env = single(conversion.manifest().select(envNames, true));
    RotationPolicy.checkEnvironment(env, allowProduction);
    SecureRandom rng = new SecureRandom();
    Map<String, Secret> values = Rotator.generate(names, Optional.ofNullable(generator), rng);
    Optional<DevDotenv> dev = alsoDotenv ? devDotenv(conversion) : Optional.empty();
    HerokuClient client =
        heroku.client(root.context(), root.debug, root.spec.commandLine().getErr());
    String app = new TargetResolver(client).appFor(env.name(), env.heroku().get());
    Rotator rotator = new Rotator(client, backup.store(root.context(),
        () -> new EncryptionRecipients(conversion.root(), conversion.manifest(),
            conversion::keyRing).recipients("pass --no-backup"),
        conversion.keyRing(), Clock.systemUTC()));
    Prepared prepared = rotator.prepare(env.name(), app, names);
    // After prepare, so an add-on's var gets the add-on's own rotation command instead.
    PrintWriter err = root.spec.commandLine().getErr();
    RotationPolicy.checkAlone(names, force, line -> err.println("envshift: " + line));
    LiveRecord record = LiveRecord.prepare(conversion.root(), env.name(), names);
    PrintWriter out = root.spec.commandLine().getOut();
    out.printf("Rotating %s on %s (%s).%n", String.join(", ", names), app, env.name()).flush();
    if (!confirm.confirmed(root.context(), "Rotate these secrets?")) {
      out.println("Cancelled; nothing was written.");
      return EnvshiftException.ERROR;
    }
    Rotated rotated = rotator.rotate(prepared, values);
    out.printf("rotated %s on %s (%s): %s%n", String.join(", ", rotated.names()), app,
        env.name(), rotated.release().describe());
    rotated.backup().ifPresent(b -> out.println("backup of the previous config: " + b));
    record.write().ifPresent(out::println);
    dev.ifPresent(d -> updateDev(conversion, d, env.name(), rng, out));
    return 0;
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
  private Optional<DevDotenv> devDotenv(Workspace conversion) {
    Environment dev = conversion.manifest().environment(DotenvCommand.DEVELOPMENT);
    return Optional.of(DevDotenv.read(conversion.root(), dev.dotenv().orElse(".env"),
        DotenvCommand.parseFlavor(flavor), conversion.keyRing()));
  }

  /** The development values are generated apart: dev must never share staging's secret. */
  private void updateDev(Workspace conversion, DevDotenv dev, String envName, SecureRandom rng,
      PrintWriter out) {
    List<String> held = dev.holding(names);
    if (held.isEmpty()) {
      out.println(dev.path() + (dev.exists() ? ": holds none of them, unchanged" : ": absent"));
      return;
    }
    Map<String, Secret> own = Rotator.generate(held, Optional.ofNullable(generator), rng);
    try {
      byte[] content = dev.updated(own, conversion.keyRing());
      SecureFiles.write(conversion.root().resolve(dev.path()), content);
    } catch (EnvshiftException e) {
      throw new EnvshiftException("rotated on Heroku, but " + dev.path() + " was not updated: "
          + e.getMessage(), e);
    }
    out.println(dev.path() + ": new development value for " + String.join(", ", held)
        + " (not the same as " + envName + "'s)");
  }
}
