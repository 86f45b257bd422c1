package envshift.cli;

import envshift.EnvshiftException;
import envshift.access.EncryptionRecipients;
import envshift.convert.Workspace;
import envshift.heroku.HerokuClient;
import envshift.plan.Shown;
import envshift.push.BackupStore;
import envshift.rotate.Rotated;
import envshift.rotate.Rotation;
import envshift.rotate.RotationJson;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envshift rotate}: new values, one backed-up and verified PATCH, restored on failure. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift rotate SECRET_KEY --env staging",
      "  envshift rotate SIGNING_KEY --env production --allow-production",
      "  envshift rotate SESSION_SALT --env staging --generator hex:32 --also-dotenv"},
    description = {
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

  @Mixin FlavorOption flavor;

  @ArgGroup(exclusive = true)
  BackupOptions backup = new BackupOptions();

  @Option(names = "--json", description = "Print the result as JSON (docs/json.md): names, app,"
      + " release, backup and live: edits; never a value.")
  boolean json;

  @Override
  public Integer call() {
    confirm.requireYesWithoutTerminal(root.context());
    HerokuClient client = root.client(heroku); // the token before any decryption
    Workspace workspace = root.workspace(repo, keys);
    Optional<BackupStore> backups = backup.store(root.context(),
        () -> new EncryptionRecipients(workspace.root(), workspace.manifest(),
            workspace::keyRing).recipients("pass --no-backup"),
        workspace.keyRing(), Clock.systemUTC());
    Rotation rotation = new Rotation(workspace, client, backups, new SecureRandom());
    Rotation.Ready ready = rotation.prepare(new Rotation.Request(names, envNames,
        Optional.ofNullable(generator), allowProduction, force,
        alsoDotenv ? Optional.of(flavor.flavor()) : Optional.empty()),
        line -> root.err().println("envshift: " + Shown.visible(line)));
    // With --json stdout holds the one document: what is said before it goes to stderr.
    PrintWriter out = json ? root.err() : root.out();
    out.printf("Rotating %s on %s (%s).%n", names(ready.names()), ready.app(),
        Shown.visible(ready.env())).flush();
    if (!confirm.confirmed(root.context(), "Rotate these secrets?",
        allowProduction ? List.of(ready.app()) : List.of())) {
      out.println("Cancelled; nothing was written.");
      return EnvshiftException.ERROR;
    }
    Rotation.Result result = rotation.execute(ready);
    if (json) {
      root.out().println(RotationJson.render(result));
      return 0;
    }
    Rotated rotated = result.rotated();
    out.printf("rotated %s on %s (%s): %s%n", names(rotated.names()), rotated.app(),
        Shown.visible(rotated.env()), rotated.release().describe());
    rotated.backup().ifPresent(b -> out.println("backup of the previous config: " + b));
    result.manifestChange().ifPresent(out::println);
    result.devDotenv().forEach(out::println);
    return 0;
  }

  private static String names(List<String> names) {
    return Shown.visible(String.join(", ", names));
  }
}
