package envshift.cli;

import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.settings.DotenvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift pull --app APP}: live config vars to a .env file (or stdout). */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = "Write an app's live config vars as a .env (mode 0600), optionally encrypted, or to stdout.")
final class PullCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin HerokuOptions heroku;
  @Mixin KeyOptions keys;

  @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP", description = "The Heroku app.")
  String app;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  @Option(names = "--flavor", paramLabel = "FLAVOR", description = "compose (default) or python.")
  String flavor = "compose";

  @Option(names = "--encrypt-to", paramLabel = "ID",
      description = "Encrypt the file to this key (fingerprint, key id or email). Repeatable.")
  List<String> encryptTo = new ArrayList<>();

  @Override
  public Integer call() {
    var dialect = DotenvCommand.parseFlavor(flavor);
    if (!encryptTo.isEmpty() && out == null) {
      throw envshift.EnvshiftException.usage("--encrypt-to needs --out FILE");
    }
    HerokuClient client = heroku.client(root.context(), root.debug, root.spec.commandLine().getErr());
    Map<String, Secret> config = client.configVars(app);
    String text = DotenvWriter.write(config, dialect);
    if (out == null) {
      root.spec.commandLine().getOut().print(text);
      root.spec.commandLine().getOut().flush();
      return 0;
    }
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String how = "plaintext";
    if (!encryptTo.isEmpty()) {
      KeyRing ring = keys.keyRing(root.context(), Optional.empty());
      List<Recipient> to = Recipients.resolve(encryptTo, ring);
      content = Encryptor.encrypt(content, to, ring, false, ".env");
      how = "encrypted to " + RecipientsFinder.describe(to);
    }
    SecureFiles.write(root.context().cwd().resolve(out), content);
    root.spec.commandLine().getOut().printf("wrote %s: %d variables of %s, %s, mode 0600%n",
        out, config.size(), app, how);
    return 0;
  }
}
