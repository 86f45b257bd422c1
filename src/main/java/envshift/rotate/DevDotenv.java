package envshift.rotate;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInspector;
import envshift.pgp.OpenPgp;
import envshift.pgp.Recipients;
import envshift.repo.RepoScanner;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvReader;
import envshift.settings.DotenvWriter;
import envshift.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The development .env that {@code rotate --also-dotenv} updates: read (decrypted in memory when it
 * is encrypted), given new values for the rotated names it holds, and turned back into the bytes to
 * write — through {@link DotenvWriter}, re-encrypted to the same recipients with the same armor.
 * The caller writes them (mode 0600, atomically).
 */
public final class DevDotenv {
  private final String path;
  private final Map<String, Secret> vars;
  private final List<String> recipients;
  private final boolean armored;
  private final DotenvFlavor flavor;
  private final boolean exists;

  private DevDotenv(String path, Map<String, Secret> vars, List<String> recipients,
      boolean armored, DotenvFlavor flavor, boolean exists) {
    this.exists = exists;
    this.path = path;
    this.vars = vars;
    this.recipients = List.copyOf(recipients);
    this.armored = armored;
    this.flavor = flavor;
  }

  /** The file at repo-relative {@code path}; one that does not exist holds no names. */
  public static DevDotenv read(Path repoRoot, String path, DotenvFlavor flavor,
      KeyRing keys) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(repoRoot.resolve(path));
    } catch (NoSuchFileException e) {
      return new DevDotenv(path, Map.of(), List.of(), false, flavor, false);
    } catch (IOException e) {
      throw new EnvshiftException(path + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
    if (!OpenPgp.looksLikeOpenPgp(raw)) {
      if (!RepoScanner.isIgnored(repoRoot, path)) {
        throw new RotationException("refusing to write a new secret into plaintext " + path
            + ": .gitignore does not ignore it (ignore it, or leave out --also-dotenv)");
      }
      return parse(path, raw, List.of(), false, flavor);
    }
    boolean armored = MessageInspector.inspect(raw, path, keys).armored();
    try (DecryptedFile file = new Decryptor(keys).decrypt(raw, path)) {
      return parse(path, file.plaintext(), recipients(path, file), armored, flavor);
    }
  }

  private static List<String> recipients(String path, DecryptedFile file) {
    if (file.symmetric() || file.recipients().isEmpty()) {
      throw new RotationException(path + " is encrypted with a passphrase: envshift cannot "
          + "re-encrypt it; leave out --also-dotenv and update it by hand");
    }
    if (file.recipients().stream().anyMatch(KeyId::isWildcard)) {
      throw new RotationException(path + " has hidden recipients: envshift cannot re-encrypt it "
          + "to the same keys; leave out --also-dotenv and update it by hand");
    }
    return file.recipients().stream().map(KeyId::toString).toList();
  }

  private static DevDotenv parse(String path, byte[] plaintext, List<String> recipients,
      boolean armored, DotenvFlavor flavor) {
    String text = Settings.decode(plaintext, path);
    Map<String, Secret> vars = new LinkedHashMap<>();
    DotenvReader.read(text, flavor, path).forEach((k, v) -> vars.put(k, Secret.of(v)));
    return new DevDotenv(path, vars, recipients, armored, flavor, true);
  }

  public String path() {
    return path;
  }

  public boolean exists() {
    return exists;
  }

  public boolean encrypted() {
    return !recipients.isEmpty();
  }

  /** The given names this file holds, in the given order. */
  public List<String> holding(List<String> names) {
    return names.stream().filter(vars::containsKey).toList();
  }

  /** The file's new bytes: same order and other values, the given names replaced. */
  public byte[] updated(Map<String, Secret> newValues, KeyRing keys) {
    Map<String, Secret> next = new LinkedHashMap<>(vars);
    newValues.forEach((name, value) -> {
      if (!next.containsKey(name)) throw new IllegalArgumentException(name + " is not in " + path);
      next.put(name, value);
    });
    byte[] text = DotenvWriter.write(next, flavor).getBytes(StandardCharsets.UTF_8);
    if (!encrypted()) return text;
    try {
      return Encryptor.encrypt(text, Recipients.resolve(recipients, keys), keys, armored, ".env");
    } finally {
      Arrays.fill(text, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "DevDotenv[" + path + ", " + vars.size() + " vars"
        + (encrypted() ? ", encrypted to " + recipients : "") + "]";
  }
}
