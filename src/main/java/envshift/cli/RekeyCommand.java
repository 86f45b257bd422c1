package envshift.cli;

import envshift.EnvshiftException;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.repo.BlackboxLayout;
import envshift.repo.BlackboxUpdate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    List<Recipient> removed = Recipients.resolve(remove, ring);
    Map<Path, byte[]> rewritten = new LinkedHashMap<>();
    List<String> report = new ArrayList<>();
    for (Path file : files) {
      Path path = ctx.cwd().resolve(file);
      byte[] message = read(path, file);
      MessageInfo info = MessageInspector.inspect(message, file.toString(), ring);
      DecryptedFile plain = new Decryptor(ring).decrypt(message, file.toString());
      List<Recipient> to = newRecipients(file, info, ring, added, removed);
      rewritten.put(
          path,
          Encryptor.encrypt(plain.plaintext(), to, ring, info.armored(), plain.literalFileName()));
      report.add("rekeyed " + file + ": " + RecipientsFinder.describe(to));
    }
    blackbox.ifPresent(b -> checkKeybox(b, ring, added));
    rewritten.forEach(SecureFiles::write); // only after every file re-encrypted in memory
    blackbox.ifPresent(b -> updateBlackbox(b, ring, added, removed, report));
    report.forEach(root.spec.commandLine().getOut()::println);
    return 0;
  }

  private static List<Recipient> newRecipients(
      Path file, MessageInfo info, KeyRing ring, List<Recipient> added, List<Recipient> removed) {
    if (info.recipients().stream().anyMatch(r -> r.keyId().isWildcard())) {
      throw new EnvshiftException(file + ": has a hidden recipient; cannot tell who to keep");
    }
    List<String> ids = info.recipients().stream().map(r -> r.keyId().toString()).toList();
    Map<String, Recipient> to = new LinkedHashMap<>();
    Recipients.resolve(ids, ring).forEach(r -> to.put(r.fingerprint(), r));
    removed.forEach(r -> to.remove(r.fingerprint()));
    added.forEach(r -> to.putIfAbsent(r.fingerprint(), r));
    if (to.isEmpty()) {
      throw new EnvshiftException(file + ": refusing to leave the file with no recipients");
    }
    return List.copyOf(to.values());
  }

  private static void checkKeybox(BlackboxLayout b, KeyRing ring, List<Recipient> added) {
    Optional<Path> kbx = b.pubring().filter(p -> p.getFileName().toString().endsWith(".kbx"));
    if (kbx.isEmpty() || added.isEmpty()) return;
    List<String> inRing =
        KeyRing.builder().publicKeyFile(kbx.get()).build().certificateFingerprints();
    for (Recipient r : added) {
      if (!inRing.contains(r.fingerprint())) {
        throw new EnvshiftException(
            kbx.get()
                + ": envshift does not write GnuPG keyboxes; add "
                + r.describe()
                + " first (gpg --homedir "
                + b.configDir()
                + " --import KEY), then rerun");
      }
    }
  }

  private static void updateBlackbox(
      BlackboxLayout b,
      KeyRing ring,
      List<Recipient> added,
      List<Recipient> removed,
      List<String> report) {
    if (BlackboxUpdate.updateAdmins(b, emails(added), emails(removed))) {
      report.add("updated " + b.configDir().getFileName() + "/blackbox-admins.txt");
    }
    boolean gpgRing = b.pubring().map(p -> p.toString().endsWith(".gpg")).orElse(true);
    if (!gpgRing) return;
    List<String> present =
        b.pubring().isPresent()
            ? KeyRing.builder().publicKeyFile(b.pubring().get()).build().certificateFingerprints()
            : List.of();
    List<byte[]> missing =
        added.stream()
            .filter(r -> !present.contains(r.fingerprint()))
            .map(r -> ring.exportCertificate(r.fingerprint()).orElseThrow())
            .toList();
    if (!missing.isEmpty()) {
      BlackboxUpdate.appendToPubring(b, missing);
      report.add(
          "added " + missing.size() + " key(s) to " + b.configDir().getFileName() + "/pubring.gpg");
    }
  }

  private static List<String> emails(List<Recipient> recipients) {
    return recipients.stream()
        .flatMap(r -> r.userIds().stream().limit(1))
        .map(u -> u.contains("<") ? u.substring(u.lastIndexOf('<') + 1, u.lastIndexOf('>')) : u)
        .toList();
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
