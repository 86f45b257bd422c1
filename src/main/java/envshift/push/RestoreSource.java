package envshift.push;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.SecureFiles;
import envshift.heroku.HerokuClient;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyInfo;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a restore puts back (an envshift backup, or the config of a past release) and whom the
 * safety backup taken before it is encrypted to: the readers of the backup being restored, or,
 * for a release, the person restoring (the secret keys loaded for this run).
 */
public final class RestoreSource {
  private final Map<String, Secret> config;
  private final List<Recipient> readers;
  private final KeyRing ring;
  private final List<String> warnings;

  private RestoreSource(Map<String, Secret> config, List<Recipient> readers, KeyRing ring,
      List<String> warnings) {
    this.config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    this.readers = List.copyOf(readers);
    this.ring = ring;
    this.warnings = List.copyOf(warnings);
  }

  /** Decrypts a backup; a backup taken of another app is allowed, with a warning. */
  public static RestoreSource backup(Path file, String label, String app, KeyRing ring) {
    byte[] bytes = SecureFiles.read(file, label);
    BackupStore.Backup backup = BackupStore.read(bytes, label, new Decryptor(ring));
    List<String> warnings = new ArrayList<>();
    if (!backup.app().equals(app)) {
      warnings.add(label + " was taken of app " + backup.app() + ", restoring to " + app);
    }
    List<Recipient> readers = MessageInspector.inspect(bytes, label, ring).recipients();
    return new RestoreSource(backup.config(), readers, ring, warnings);
  }

  /** The config as it was in release {@code version} of the app. */
  public static RestoreSource release(HerokuClient client, String app, int version,
      KeyRing ring) {
    return new RestoreSource(client.releaseConfigVars(app, version), List.of(), ring, List.of());
  }

  public Map<String, Secret> config() {
    return config;
  }

  public List<String> warnings() {
    return warnings;
  }

  /**
   * Whom the safety backup is for. A reader of the restored backup whose public key is not loaded
   * is left out with a warning (add it with --public-key); the key that decrypted it always stays.
   */
  public List<Recipient> backupRecipients(Consumer<String> warn) {
    if (readers.isEmpty()) {
      List<String> own = ring.secretKeys().stream().map(KeyInfo::fingerprint).toList();
      if (own.isEmpty()) {
        throw new EnvshiftException("no key to encrypt the safety backup to: load yours with "
            + "--secret-key or --gnupg-home, or pass --no-backup");
      }
      return Recipients.resolve(own, ring);
    }
    List<String> known = new ArrayList<>();
    for (Recipient reader : readers) {
      if (reader.fingerprint().isEmpty()) {
        warn.accept("the safety backup is not encrypted to key " + reader.describe()
            + " (a reader of the restored backup): its public key is not loaded (--public-key)");
      } else {
        known.add(reader.fingerprint());
      }
    }
    return Recipients.resolve(known, ring);
  }
}
