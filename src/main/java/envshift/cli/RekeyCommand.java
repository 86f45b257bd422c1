package envshift.cli;

import envshift.access.EncryptionRecipients;
import envshift.access.Rekey;
import envshift.access.RekeyJson;
import envshift.pgp.KeyRing;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envshift rekey FILE... [--add-recipient ID]... [--remove-recipient ID]...}. */
@Command(
    name = "rekey",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift rekey configs/*.gpg --add-recipient new@example.org",
      "  envshift rekey configs/*.gpg --remove-recipient old@example.org"},
    description = {
      "Re-encrypt GPG files to a new recipient set without writing plaintext to disk.",
      "New recipients = the file's recipients - removed + added (AES-256, SEIPD with MDC, ZLIB;",
      "armored stays armored, the literal file name is kept). Each file is replaced atomically.",
      "With a blackbox layout, blackbox-admins.txt and pubring.gpg are updated (pubring.kbx is",
      "refused when a new key would be missing from it). A removed recipient also leaves every",
      "other place envshift encrypts to: envshift.yml's recipients (refused if none would be",
      "left), encrypted dev .env files and, without recipients, the encrypted sources."
    })
final class RekeyCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin KeyOptions keys;
  @Mixin RepoOptions repo;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The encrypted files.")
  List<Path> files;

  @Option(
      names = "--add-recipient",
      paramLabel = "ID",
      description = "Fingerprint, key id or email.")
  List<String> add = new ArrayList<>();

  @Option(
      names = "--remove-recipient",
      paramLabel = "ID",
      description = "Fingerprint, key id or email.")
  List<String> remove = new ArrayList<>();

  @Option(names = "--json", description = "Print the files re-encrypted and their recipients as"
      + " JSON (docs/json.md).")
  boolean json;

  @Override
  public Integer call() {
    Context ctx = root.context();
    Path repoRoot = repo.root(ctx);
    KeyRing ring = keys.keyRing(ctx, Rekey.repoKeyring(repoRoot));
    List<Path> paths = files.stream().map(f -> ctx.cwd().resolve(f)).toList();
    Rekey.Result result = new Rekey(repoRoot, ring).run(new Rekey.Request(paths, add, remove));
    PrintWriter out = root.spec.commandLine().getOut();
    if (json) {
      out.println(RekeyJson.render(result));
      out.flush();
      return 0;
    }
    for (Rekey.RekeyedFile f : result.files()) {
      out.println("rekeyed " + f.path() + ": " + EncryptionRecipients.describe(f.recipients())
          + f.why().map(why -> " (" + why + ")").orElse(""));
    }
    result.changes().forEach(out::println);
    out.flush();
    return 0;
  }
}
