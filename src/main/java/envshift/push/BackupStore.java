package envshift.push;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.EnvshiftException;
import envshift.Secret;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypted snapshots of an app's config, taken before every write: JSON, encrypted to the recipients,
 * named by app and UTC time, mode 0600. The plaintext exists only in memory.
 */
public final class BackupStore {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
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
    String state = env.get("XDG_STATE_HOME");
    Path base = state == null || state.isBlank() ? home.resolve(".local/state") : Path.of(state);
    return base.resolve("envshift").resolve("backups");
  }

  /** Writes the snapshot and returns its path. Fails (and nothing is pushed) if it cannot be written. */
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
    byte[] encrypted = encrypt(plaintext, app);
    java.util.Arrays.fill(plaintext, (byte) 0);
    return write(app, encrypted);
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
    String name = app + "-" + STAMP.format(clock.instant()) + ".json.asc";
    Path target = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      try {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      } catch (IOException | UnsupportedOperationException ignored) {
        // an existing shared folder keeps its mode; the file itself is 0600 below
      }
      Path file = uniquePath(target);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(file)) {
        out.write(encrypted);
      }
      return file;
    } catch (IOException e) {
      throw new EnvshiftException(
          "backup of " + app + ": cannot write in " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static Path uniquePath(Path target) {
    Path candidate = target;
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = target.resolveSibling(target.getFileName().toString().replace(".json.asc", "-" + i + ".json.asc"));
    }
    return candidate;
  }

  /** Reads a backup back: the app it was taken of and its config. {@code label} names the file. */
  public static Backup read(byte[] bytes, String label, Decryptor decryptor) {
    byte[] plaintext = decryptor.decrypt(bytes, label).plaintext();
    try {
      Map<String, Object> doc = JSON.readValue(plaintext, new TypeReference<Map<String, Object>>() {});
      Object app = doc.get("app");
      Object config = doc.get("config");
      if (!(app instanceof String) || !(config instanceof Map<?, ?> vars)) {
        throw new EnvshiftException(label + ": not an envshift backup (no app/config)");
      }
      Map<String, Secret> values = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : vars.entrySet()) {
        if (!(e.getValue() instanceof String s)) {
          throw new EnvshiftException(label + ": not an envshift backup (" + e.getKey() + " is not a string)");
        }
        values.put(String.valueOf(e.getKey()), Secret.of(s));
      }
      return new Backup((String) app, values);
    } catch (IOException e) {
      // no cause: Jackson's message may quote the decrypted text
      throw new EnvshiftException(label + ": not an envshift backup (invalid JSON)");
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  /** A decrypted backup. */
  public record Backup(String app, Map<String, Secret> config) {
    public Backup {
      config = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
  }
}
