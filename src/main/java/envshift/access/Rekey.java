package envshift.access;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.manifest.ManifestLoader;
import envshift.manifest.ManifestWriter;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Re-encrypts GPG files to a new recipient set in memory, then updates what names the recipients
 * (blackbox admins and keyring). Nothing is written until every file was re-encrypted, so a refusal
 * leaves the repo as it was. No plaintext touches the disk.
 */
public final class Rekey {
  /** Files (absolute), and the ids to add and remove (fingerprint, key id or email). */
  public record Request(List<Path> files, List<String> add, List<String> remove) {
    public Request {
      files = List.copyOf(files);
      add = List.copyOf(add);
      remove = List.copyOf(remove);
    }
  }

  /**
   * One re-encrypted file, as the user would name it, and whom it is now for; {@code why} is set
   * for a file rekeyed although not named, saying why it had to be.
   */
  public record RekeyedFile(String path, List<Recipient> recipients, Optional<String> why) {
    public RekeyedFile {
      Objects.requireNonNull(path, "path == null");
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(why, "why == null");
    }
  }

  /** The files re-encrypted, and every other place changed (one line each). */
  public record Result(List<RekeyedFile> files, List<String> changes) {
    public Result {
      files = List.copyOf(files);
      changes = List.copyOf(changes);
    }
  }

  private final Path root;
  private final KeyRing ring;
  private final Optional<BlackboxLayout> blackbox;

  /** {@code ring} must hold a secret key for each file and the public keys to add. */
  public Rekey(Path repoRoot, KeyRing ring) {
    this.root = repoRoot.toAbsolutePath().normalize();
    this.ring = ring;
    this.blackbox = BlackboxLayout.find(repoRoot);
  }

  /** The repo keyring ({@code pubring.gpg/.kbx}) to load recipients' public keys from. */
  public static Optional<Path> repoKeyring(Path repoRoot) {
    return BlackboxLayout.find(repoRoot).flatMap(BlackboxLayout::pubring);
  }

  /**
   * Re-encrypts the files, and with removals also every other place envshift encrypts to (see
   * {@link RecipientPlaces}). Every refusal comes before the first write.
   */
  public Result run(Request request) {
    List<Recipient> added = Recipients.resolve(request.add(), ring);
    // removal matches any key of the named certificates, so expired or revoked keys can go too
    Set<KeyId> removed = new HashSet<>();
    request.remove().forEach(id -> removed.addAll(Recipients.keyIdsOf(id, ring)));
    Optional<RecipientPlaces> places =
        removed.isEmpty() ? Optional.empty() : Optional.of(new RecipientPlaces(root, ring));
    Map<Path, Optional<String>> targets = new LinkedHashMap<>();
    request.files().forEach(f -> targets.put(f.toAbsolutePath().normalize(), Optional.empty()));
    places.ifPresent(p -> p.filesNaming(removed)
        .forEach((f, why) -> targets.putIfAbsent(f, Optional.of(why))));
    Map<Path, byte[]> rewritten = new LinkedHashMap<>();
    List<RekeyedFile> files = new ArrayList<>();
    targets.forEach((path, why) -> {
      String shown = shown(path);
      List<Recipient> to = new ArrayList<>();
      rewritten.put(path, reencrypt(path, shown, added, removed, to));
      files.add(new RekeyedFile(shown, to, why));
    });
    Optional<RecipientPlaces.ManifestEdit> manifest = places.flatMap(p -> p.manifestWithout(request.remove(), removed));
    blackbox.ifPresent(b -> RekeyBlackbox.checkKeybox(b, added));
    rewritten.forEach(SecureFiles::write); // only after every file was re-encrypted in memory
    List<String> changes = new ArrayList<>();
    manifest.ifPresent(edit -> {
      ManifestWriter.replace(root, edit.before(), edit.after());
      changes.add("updated " + ManifestLoader.FILE_NAME + ": removed "
          + String.join(", ", places.get().removedEntries(request.remove(), removed))
          + " from recipients");
    });
    blackbox.ifPresent(
        b -> RekeyBlackbox.update(b, ring, added, removedNames(request.remove()), changes));
    return new Result(files, changes);
  }

  private byte[] reencrypt(
      Path path, String shown, List<Recipient> added, Set<KeyId> removed, List<Recipient> to) {
    byte[] message = SecureFiles.read(path, shown);
    MessageInfo info = MessageInspector.inspect(message, shown, ring);
    to.addAll(newRecipients(shown, info, added, removed));
    try (DecryptedFile plain = new Decryptor(ring).decrypt(message, shown)) {
      return Encryptor.encrypt(
          plain.plaintext(), to, ring, info.armored(), plain.literalFileName());
    }
  }

  private List<Recipient> newRecipients(
      String file, MessageInfo info, List<Recipient> added, Set<KeyId> removed) {
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
  private List<String> removedNames(List<String> remove) {
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

  /** A path as the user would write it: relative to the repo when inside it. */
  private String shown(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(root) ? root.relativize(absolute).toString() : path.toString();
  }
}
