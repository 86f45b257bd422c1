package envshift.access;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestEditor;
import envshift.manifest.ManifestLoader;
import envshift.manifest.ManifestWriter;
import envshift.manifest.Source;
import envshift.pgp.KeyException;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInspector;
import envshift.pgp.OpenPgp;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The places besides the files named on the command line that decide whom envshift encrypts new
 * outputs to, so that removing someone there holds: the manifest's {@code recipients:} (dev
 * {@code .env.gpg} and backups), the dev {@code .env.gpg} files themselves ({@code rotate
 * --also-dotenv} re-encrypts them to their own recipients) and, when the manifest names no
 * recipients, the encrypted sources (whose recipients are then the default).
 */
final class RecipientPlaces {
  private final Path root;
  private final Optional<Manifest> manifest;
  private final KeyRing ring;

  RecipientPlaces(Path root, KeyRing ring) {
    this.root = root;
    this.ring = ring;
    boolean present = Files.isRegularFile(root.resolve(ManifestLoader.FILE_NAME));
    this.manifest = present ? Optional.of(ManifestLoader.load(root)) : Optional.empty();
  }

  /** The encrypted files envshift re-encrypts to their own recipients that name a removed key. */
  Map<Path, String> filesNaming(Set<KeyId> removed) {
    Map<Path, String> files = new LinkedHashMap<>();
    if (removed.isEmpty() || manifest.isEmpty()) return files;
    Manifest m = manifest.get();
    for (Environment env : m.environments()) {
      env.dotenv()
          .filter(p -> encryptedTo(p, removed))
          .ifPresent(p -> files.put(root.resolve(p).normalize(), "rotate --also-dotenv "
              + "re-encrypts this .env to its own recipients"));
      if (!m.recipients().isEmpty()) continue;
      for (Source source : env.sources()) {
        if (encryptedTo(source.path(), removed)) {
          files.putIfAbsent(root.resolve(source.path()).normalize(), "envshift.yml has no "
              + "'recipients:', so new outputs are for the sources' recipients");
        }
      }
    }
    return files;
  }

  /**
   * The manifest text without the {@code recipients:} entries naming a removed key, or empty when
   * none does. Refuses to empty the list: new outputs would then be for nobody.
   */
  /** The manifest's text before and after an edit, for {@link ManifestWriter#replace}. */
  record ManifestEdit(String before, String after) {}

  Optional<ManifestEdit> manifestWithout(List<String> remove, Set<KeyId> removed) {
    if (manifest.isEmpty() || remove.isEmpty()) return Optional.empty();
    Manifest m = manifest.get();
    List<String> kept = m.recipients().stream().filter(e -> !names(e, remove, removed)).toList();
    if (kept.size() == m.recipients().size()) return Optional.empty();
    if (kept.isEmpty()) {
      throw new EnvshiftException(m.file() + ": refusing to remove every entry of 'recipients:' "
          + "(new outputs would be for nobody); add the new recipients there first");
    }
    String text = ManifestWriter.read(root);
    String edited = ManifestEditor.withoutRecipients(text, m.file(), e -> !kept.contains(e));
    if (!ManifestLoader.parse(edited, m.file(), root).recipients().equals(kept)) {
      throw new EnvshiftException(m.file() + ": cannot remove the recipients safely; remove "
          + "them from 'recipients:' by hand, then rerun");
    }
    return Optional.of(new ManifestEdit(text, edited));
  }

  /** The entries {@link #manifestWithout} drops, for the report. */
  List<String> removedEntries(List<String> remove, Set<KeyId> removed) {
    return manifest.map(m -> m.recipients().stream().filter(e -> names(e, remove, removed))
        .toList()).orElse(List.of());
  }

  /**
   * Whether a {@code recipients:} entry names a removed key: the same email as given, or any key of
   * the certificate it names (fingerprint, key id, email or user id).
   */
  private boolean names(String entry, List<String> remove, Set<KeyId> removed) {
    if (entry.contains("@") && remove.stream().anyMatch(r -> address(r).equals(address(entry)))) {
      return true;
    }
    try {
      return !Collections.disjoint(Recipients.keyIdsOf(entry, ring), removed);
    } catch (KeyException e) {
      return false; // an email no loaded key carries cannot be the removed key's
    }
  }

  private boolean encryptedTo(String relative, Set<KeyId> removed) {
    Path file = root.resolve(relative);
    if (!Files.isRegularFile(file)) return false;
    byte[] bytes = SecureFiles.read(file, relative);
    if (!OpenPgp.looksLikeOpenPgp(bytes)) return false;
    return MessageInspector.inspect(bytes, relative, ring).recipients().stream()
        .map(Recipient::keyId)
        .anyMatch(removed::contains);
  }

  private static String address(String userIdOrEmail) {
    int open = userIdOrEmail.lastIndexOf('<');
    int close = userIdOrEmail.lastIndexOf('>');
    String a = open >= 0 && close > open ? userIdOrEmail.substring(open + 1, close) : userIdOrEmail;
    return a.strip().toLowerCase(Locale.ROOT);
  }
}
