package envshift.access;

import envshift.EnvshiftException;
import envshift.manifest.ManifestLoader;
import envshift.mapping.EnvMapper;
import envshift.mapping.MappingRules;
import envshift.pgp.DecryptedFile;
import envshift.pgp.DecryptionException;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyException;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.repo.RepoFile;
import envshift.repo.RepoScan;
import envshift.settings.Settings;
import envshift.settings.SettingsFormat;
import envshift.settings.SettingsModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who can read each encrypted file of a repo, and (for one key) which variable names those files
 * hold. Values are decrypted in memory to read the names and dropped; none is kept or shown.
 */
public final class AccessReport {
  /** One encrypted file: its recipients and, when asked, its variable names or why unknown. */
  public record FileAccess(
      String path,
      boolean symmetric,
      List<Recipient> recipients,
      List<String> variables,
      Optional<String> variablesUnknown) {}

  private final RepoScan scan;
  private final KeyRing keys;
  private final MappingRules rules;

  public AccessReport(RepoScan scan, KeyRing keys) {
    this.scan = scan;
    this.keys = keys;
    boolean hasManifest = Files.isRegularFile(scan.root().resolve(ManifestLoader.FILE_NAME));
    this.rules = hasManifest ? ManifestLoader.load(scan.root()).rules() : MappingRules.NONE;
  }

  /** Every encrypted file with its recipients; no decryption. */
  public List<FileAccess> everyFile() {
    List<FileAccess> out = new ArrayList<>();
    for (RepoFile file : encrypted()) {
      MessageInfo info = inspect(file);
      out.add(
          new FileAccess(
              file.path(), info.symmetric(), info.recipients(), List.of(), Optional.empty()));
    }
    return out;
  }

  /** The files encrypted to any of {@code keyIds}, with their variable names. */
  public List<FileAccess> readableBy(Set<KeyId> keyIds) {
    List<FileAccess> out = new ArrayList<>();
    for (RepoFile file : encrypted()) {
      MessageInfo info = inspect(file);
      if (info.recipients().stream().anyMatch(r -> keyIds.contains(r.keyId()))) {
        out.add(withVariables(file, info));
      }
    }
    return out;
  }

  private FileAccess withVariables(RepoFile file, MessageInfo info) {
    try {
      DecryptedFile plain = new Decryptor(keys).decrypt(read(file), file.path());
      String text = Settings.decode(plain.plaintext(), file.path());
      SettingsModule module = Settings.parse(text, file.path());
      if (module.format() == SettingsFormat.NOT_SETTINGS
          || module.format() == SettingsFormat.UNKNOWN) {
        return unknown(file, info, "not a settings file");
      }
      List<String> names = List.copyOf(EnvMapper.map(module, rules).vars().keySet());
      return new FileAccess(
          file.path(), info.symmetric(), info.recipients(), names, Optional.empty());
    } catch (DecryptionException | KeyException e) {
      return unknown(file, info, "cannot decrypt: " + e.getMessage());
    } catch (EnvshiftException e) {
      return unknown(file, info, "cannot parse: " + e.getMessage());
    }
  }

  private static FileAccess unknown(RepoFile file, MessageInfo info, String why) {
    return new FileAccess(
        file.path(), info.symmetric(), info.recipients(), List.of(), Optional.of(why));
  }

  private List<RepoFile> encrypted() {
    return scan.files().stream().filter(RepoFile::encrypted).toList();
  }

  private MessageInfo inspect(RepoFile file) {
    return MessageInspector.inspect(read(file), file.path(), keys);
  }

  private byte[] read(RepoFile file) {
    Path path = scan.root().resolve(file.path());
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new EnvshiftException(
          file.path() + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
