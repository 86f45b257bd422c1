package envshift.cli;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.access.EncryptionRecipients;
import envshift.heroku.HerokuClient;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.SecureFiles;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvReader;
import envshift.settings.DotenvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
    description = "Write an app's live config vars as a .env (mode 0600), optionally encrypted, "
        + "or to stdout.")
final class PullCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin HerokuOptions heroku;
  @Mixin KeyOptions keys;

  @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP",
      description = "The Heroku app.")
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
    DotenvFlavor dialect = DotenvCommand.parseFlavor(flavor);
    if (!encryptTo.isEmpty() && out == null) {
      throw EnvshiftException.usage("--encrypt-to needs --out FILE");
    }
    HerokuClient client = heroku.client(root.context(), root.debug,
        root.spec.commandLine().getErr());
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
      how = "encrypted to " + EncryptionRecipients.describe(to);
    }
    Path target = root.context().cwd().resolve(out);
    SecureFiles.write(target, content);
    readBack(target, content, config, dialect);
    root.spec.commandLine().getOut().printf("wrote %s: %d variables of %s, %s, mode 0600%n",
        out, config.size(), app, how);
    return 0;
  }

  /** The file on disk must be what was meant: the same bytes, and a plain one parses back. */
  private void readBack(Path target, byte[] written, Map<String, Secret> config,
      DotenvFlavor dialect) {
    byte[] onDisk;
    try {
      onDisk = Files.readAllBytes(target);
    } catch (IOException e) {
      throw new EnvshiftException(out + ": cannot read back (" + e.getClass().getSimpleName()
          + ")", e);
    }
    boolean same = Arrays.equals(onDisk, written);
    if (same && encryptTo.isEmpty()) {
      Map<String, String> parsed =
          DotenvReader.read(new String(onDisk, StandardCharsets.UTF_8), dialect, out.toString());
      same = parsed.size() == config.size() && config.entrySet().stream().allMatch(e ->
          parsed.containsKey(e.getKey()) && Secret.of(parsed.get(e.getKey())).sameAs(e.getValue()));
    }
    if (!same) {
      throw new EnvshiftException(out + ": the written file does not read back as the config of "
          + app + "; do not use it");
    }
  }
}
