package envshift.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.EnvshiftException;
import envshift.Secret;
import envshift.access.EncryptionRecipients;
import envshift.access.RekeyJson;
import envshift.convert.DotenvFile;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipients;
import envshift.plan.Json;
import envshift.settings.DotenvFlavor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    footer = {
      "%nExamples:",
      "  envshift pull --app acme-staging",
      "  envshift pull --app acme-prod --out .env.prod"},
    description = "Write an app's live config vars as a .env (mode 0600), optionally encrypted, "
        + "or to stdout.")
final class PullCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin HerokuOptions heroku;
  @Mixin KeyOptions keys;
  @Mixin FlavorOption flavor;

  @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP",
      description = "The Heroku app.")
  String app;

  @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
  Path out;

  @Option(names = "--encrypt-to", paramLabel = "ID",
      description = "Encrypt the file to this key (fingerprint, key id or email). Repeatable.")
  List<String> encryptTo = new ArrayList<>();

  @Option(names = "--json", description = "With --out: print what was written as JSON"
      + " (docs/json.md): names only, never a value.")
  boolean json;

  @Override
  public Integer call() {
    DotenvFlavor dialect = flavor.flavor();
    if (!encryptTo.isEmpty() && out == null) {
      throw EnvshiftException.usage("--encrypt-to needs --out FILE");
    }
    if (json && out == null) {
      throw EnvshiftException.usage("--json needs --out FILE (without it stdout is the .env)");
    }
    Map<String, Secret> config = root.client(heroku).configVars(app);
    if (out == null) {
      root.out().print(DotenvFile.text(config, dialect));
      root.out().flush();
      return 0;
    }
    Optional<DotenvFile.Encryption> encryption = Optional.empty();
    if (!encryptTo.isEmpty()) {
      KeyRing ring = keys.keyRing(root.context(), Optional.empty());
      encryption = Optional.of(new DotenvFile.Encryption(Recipients.resolve(encryptTo, ring), ring));
    }
    DotenvFile.write(root.context().cwd().resolve(out), out.toString(), config, dialect,
        encryption);
    if (json) {
      root.out().println(json(config, dialect, encryption));
      return 0;
    }
    root.out().printf("wrote %s: %d variables of %s, %s, mode 0600%n", out, config.size(), app,
        encryption.map(e -> "encrypted to " + EncryptionRecipients.describe(e.recipients()))
            .orElse("plaintext"));
    return 0;
  }

  /** Names only: the values are in the file. */
  private String json(Map<String, Secret> config, DotenvFlavor dialect,
      Optional<DotenvFile.Encryption> encryption) {
    ObjectNode doc = Json.object();
    doc.put("app", app);
    doc.put("path", out.toString());
    doc.put("variables", config.size());
    doc.set("names", Json.strings(config.keySet().stream().sorted().toList()));
    doc.put("flavor", dialect.name().toLowerCase(Locale.ROOT));
    doc.put("mode", "0600");
    doc.put("encrypted", encryption.isPresent());
    doc.set("recipients", RekeyJson.recipients(
        encryption.map(DotenvFile.Encryption::recipients).orElse(List.of())));
    return Json.write(doc);
  }
}
