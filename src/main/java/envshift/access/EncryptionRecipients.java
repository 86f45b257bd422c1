package envshift.access;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.Source;
import envshift.pgp.KeyException;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import envshift.pgp.OpenPgp;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Who encrypted outputs (the dev .env.gpg, backups) are for: the manifest's {@code recipients}, or
 * else everyone the legacy files were encrypted to, so nobody who could read the old files loses
 * access. The keys are asked for only when needed: a repo of plaintext sources needs none.
 */
public final class EncryptionRecipients {
  private final Path root;
  private final Manifest manifest;
  private final Supplier<KeyRing> keys;

  public EncryptionRecipients(Path root, Manifest manifest, Supplier<KeyRing> keys) {
    this.root = root;
    this.manifest = manifest;
    this.keys = keys;
  }

  /** {@code orElse} says what the user can do instead when no recipient is known. */
  public List<Recipient> recipients(String orElse) {
    if (!manifest.recipients().isEmpty()) {
      return resolve(manifest.recipients());
    }
    Set<String> keyIds = new LinkedHashSet<>();
    for (Environment env : manifest.environments()) {
      for (Source source : env.sources()) {
        legacyRecipients(source.path()).forEach(keyIds::add);
      }
    }
    if (keyIds.isEmpty()) {
      throw new EnvshiftException(
          "no recipients known for encrypted output: list them under 'recipients:' in "
              + "envshift.yml (the legacy files name none), or "
              + orElse);
    }
    return resolve(List.copyOf(keyIds));
  }

  /** A recipient no loaded keyring knows is usually a public key the user can simply add. */
  private List<Recipient> resolve(List<String> ids) {
    try {
      return Recipients.resolve(ids, keys.get());
    } catch (KeyException e) {
      throw new EnvshiftException(
          e.getMessage()
              + " (the repo keyring, --public-key FILE and the GnuPG home were searched)",
          e);
    }
  }

  private List<String> legacyRecipients(String relativePath) {
    byte[] bytes = SecureFiles.read(root.resolve(relativePath), relativePath);
    if (!OpenPgp.looksLikeOpenPgp(bytes)) return List.of();
    MessageInfo info = MessageInspector.inspect(bytes, relativePath, keys.get());
    return info.recipients().stream().map(r -> r.keyId().toString()).toList();
  }

  /** The first user id of each recipient, else its key id; comma-separated. */
  public static String describe(List<Recipient> recipients) {
    return recipients.stream()
        .map(r -> r.userIds().isEmpty() ? r.keyId().toString() : r.userIds().get(0))
        .collect(Collectors.joining(", "));
  }
}
