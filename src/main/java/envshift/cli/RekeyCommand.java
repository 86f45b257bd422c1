package envshift.cli;

import envshift.EnvshiftException;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.repo.BlackboxLayout;
import envshift.repo.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    description = {
      "Re-encrypt GPG files to a new recipient set without writing plaintext to disk.",
      "New recipients = the file's recipients - removed + added (AES-256, SEIPD with MDC, ZLIB;",
      "armored stays armored, the literal file name is kept). Each file is replaced atomically.",
      "With a blackbox layout, blackbox-admins.txt and pubring.gpg are updated (pubring.kbx is",
      "refused when a new key would be missing from it)."
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

  @Override
  public Integer call() {
    Context ctx = root.context();
    Optional<BlackboxLayout> blackbox = BlackboxLayout.find(repo.root(ctx));
    KeyRing ring = keys.keyRing(ctx, blackbox.flatMap(BlackboxLayout::pubring));
    List<Recipient> added = Recipients.resolve(add, ring);
    // removal matches any key of the named certificates, so expired or revoked keys can go too
    Set<KeyId> removed = new HashSet<>();
    remove.forEach(id -> removed.addAll(Recipients.keyIdsOf(id, ring)));
    Map<Path, byte[]> rewritten = new LinkedHashMap<>();
    List<String> report = new ArrayList<>();
    for (Path file : files) {
      Path path = ctx.cwd().resolve(file);
      byte[] message = read(path, file);
      MessageInfo info = MessageInspector.inspect(message, file.toString(), ring);
      List<Recipient> to = newRecipients(file, info, ring, added, removed);
      DecryptedFile plain = new Decryptor(ring).decrypt(message, file.toString());
      rewritten.put(
          path,
          Encryptor.encrypt(plain.plaintext(), to, ring, info.armored(), plain.literalFileName()));
      report.add("rekeyed " + file + ": " + RecipientsFinder.describe(to));
    }
    blackbox.ifPresent(b -> RekeyBlackbox.checkKeybox(b, added));
    rewritten.forEach(SecureFiles::write); // only after every file re-encrypted in memory
    blackbox.ifPresent(b -> RekeyBlackbox.update(b, ring, added, removedNames(ring), report));
    report.forEach(root.spec.commandLine().getOut()::println);
    return 0;
  }

  private static List<Recipient> newRecipients(
      Path file, MessageInfo info, KeyRing ring, List<Recipient> added, Set<KeyId> removed) {
    if (info.symmetric()) {
      throw new EnvshiftException(
          file + ": also encrypted with a passphrase (gpg -c); rekey would drop it, refusing");
    }
    if (info.recipients().stream().anyMatch(r -> r.keyId().isWildcard())) {
      throw new EnvshiftException(file + ": has a hidden recipient; cannot tell who to keep");
    }
    List<String> ids =
        info.recipients().stream()
            .map(Recipient::keyId)
            .filter(id -> !removed.contains(id))
            .map(KeyId::toString)
            .toList();
    Map<String, Recipient> to = new LinkedHashMap<>();
    Recipients.resolve(ids, ring).forEach(r -> to.put(r.fingerprint(), r));
    added.forEach(r -> to.putIfAbsent(r.fingerprint(), r));
    if (to.isEmpty()) {
      throw new EnvshiftException(file + ": refusing to leave the file with no recipients");
    }
    return List.copyOf(to.values());
  }

  /** blackbox-admins.txt names people by email: the one given, or the removed key's. */
  private List<String> removedNames(KeyRing ring) {
    List<String> names = new ArrayList<>();
    for (String id : remove) {
      if (id.contains("@")) {
        names.add(id.strip());
      } else {
        Recipients.keyIdsOf(id, ring).stream()
            .findFirst()
            .flatMap(ring::describe)
            .ifPresent(names::add);
      }
    }
    return names;
  }

  private static byte[] read(Path path, Path shown) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new EnvshiftException(
          shown + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
