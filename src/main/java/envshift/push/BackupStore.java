package envshift.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.EnvshiftException;
import envshift.Secret;
import envshift.SecureFiles;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypted snapshots of an app's config, taken before every write: JSON ({@code app},
 * {@code taken_at}, {@code config}), armored, encrypted to the recipients, named by app and UTC
 * time, mode 0600 from the moment the file exists. The plaintext exists only in memory.
 */
public final class BackupStore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String SUFFIX = ".json.asc";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final List<Recipient> recipients;
  private final KeyRing keys;
  private final Clock clock;

  public BackupStore(Path dir, List<Recipient> recipients, KeyRing keys, Clock clock) {
    this.dir = dir;
    this.recipients = List.copyOf(recipients);
    this.keys = keys;
    this.clock = clock;
  }

  /** The default folder: $XDG_STATE_HOME/envshift/backups, else ~/.local/state/envshift/backups. */
  public static Path defaultDir(Map<String, String> env, Path home) {
    return stateDir(env, home).resolve("backups");
  }

  /**
   * envshift's state folder on this machine: $XDG_STATE_HOME/envshift, else
   * ~/.local/state/envshift (backups, and the per-app write locks under {@code locks}).
   */
  public static Path stateDir(Map<String, String> env, Path home) {
    String state = env.get("XDG_STATE_HOME");
    Path base = state == null || state.isBlank() ? home.resolve(".local/state") : Path.of(state);
    return base.resolve("envshift");
  }

  /** Writes the snapshot and returns its path; if it cannot be written, nothing is pushed. */
  public Path save(String app, Map<String, Secret> config) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("app", app);
    doc.put("taken_at", clock.instant().toString());
    Map<String, String> vars = new LinkedHashMap<>();
    config.forEach((k, v) -> vars.put(k, v.reveal()));
    doc.put("config", vars);
    byte[] plaintext;
    try {
      plaintext = JSON.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new EnvshiftException("backup of " + app + ": cannot serialise", e);
    }
    try {
      return write(app, encrypt(plaintext, app));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * One encryption at a time: choosing the recipient's subkey verifies its binding signature, and
   * Bouncy Castle's PGPSignature keeps verification state in the (shared) signature object, so
   * concurrent apps would corrupt each other's check ("has no encryption subkey"). It costs
   * milliseconds per app.
   */
  private synchronized byte[] encrypt(byte[] plaintext, String app) {
    return Encryptor.encrypt(plaintext, recipients, keys, true, app + ".json");
  }

  private Path write(String app, byte[] encrypted) {
    try {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (IOException | UnsupportedOperationException ignored) {
        // an existing shared folder keeps its mode; the file itself is 0600 below
      }
      return create(app + "-" + STAMP.format(clock.instant()), encrypted);
    } catch (IOException e) {
      throw new EnvshiftException("backup of " + app + ": cannot write in " + dir + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Writes the file 0600 under the first free name: base, base-2, base-3, ... */
  private synchronized Path create(String base, byte[] encrypted) throws IOException {
    for (int i = 1; ; i++) {
      Path file = dir.resolve(base + (i == 1 ? "" : "-" + i) + SUFFIX);
      try {
        SecureFiles.write(file, encrypted, SecureFiles.Readers.OWNER, false);
        return file;
      } catch (FileAlreadyExistsException taken) {
        // another backup of this app in the same second: try the next name
      }
    }
  }

  /** Reads a backup back: the app it was taken of and its config. {@code label} names the file. */
  public static Backup read(byte[] bytes, String label, Decryptor decryptor) {
    try (DecryptedFile decrypted = decryptor.decrypt(bytes, label)) {
      Map<String, Object> doc = JSON.readValue(decrypted.plaintext(), new TypeReference<>() {});
      if (!(doc.get("app") instanceof String app)
          || !(doc.get("config") instanceof Map<?, ?> vars)) {
        throw new EnvshiftException(label + ": not an envshift backup (no app/config)");
      }
      Map<String, Secret> values = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : vars.entrySet()) {
        if (!(e.getValue() instanceof String value)) {
          throw new EnvshiftException(
              label + ": not an envshift backup (" + e.getKey() + " is not a string)");
        }
        values.put(String.valueOf(e.getKey()), Secret.of(value));
      }
      return new Backup(app, values);
    } catch (IOException e) {
      // no cause: Jackson's message may quote the decrypted text
      throw new EnvshiftException(label + ": not an envshift backup (invalid JSON)");
    }
  }

  /** A decrypted backup. */
  public record Backup(String app, Map<String, Secret> config) {
    public Backup {
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
  }
}
