package envshift.access;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.mapping.EnvMapper;
import envshift.mapping.MappingRules;
import envshift.pgp.DecryptedFile;
import envshift.pgp.DecryptionException;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyException;
import envshift.settings.Settings;
import envshift.settings.SettingsFormat;
import envshift.settings.SettingsModule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of one encrypted settings file, decrypted in memory, as the migration would name
 * them. The decrypted bytes are wiped as soon as they are parsed; values stay in memory only to be
 * compared, never shown.
 */
final class VariableReader {
  /** The variables, or why they are unknown. */
  record Read(Map<String, Secret> vars, Optional<String> unknown) {
    Read {
      vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars)); // keeps the file's order
    }

    static Read unknown(String why) {
      return new Read(Map.of(), Optional.of(why));
    }
  }

  private final Decryptor decryptor;
  private final MappingRules rules;

  VariableReader(Decryptor decryptor, MappingRules rules) {
    this.decryptor = decryptor;
    this.rules = rules;
  }

  /**
   * The variables in file order. {@code path} tells the format (by its name); {@code label} names
   * the version in messages.
   */
  Read read(byte[] message, String path, String label) {
    DecryptedFile plain;
    try {
      plain = decryptor.decrypt(message, label);
    } catch (DecryptionException | KeyException e) {
      return Read.unknown("cannot decrypt: " + e.getMessage());
    }
    try (plain) {
      String text = Settings.decode(plain.plaintext(), path);
      SettingsModule module = Settings.parse(text, path);
      if (module.format() == SettingsFormat.NOT_SETTINGS
          || module.format() == SettingsFormat.UNKNOWN) {
        return Read.unknown("not a settings file");
      }
      return new Read(EnvMapper.map(module, rules).values(), Optional.empty());
    } catch (EnvshiftException e) {
      return Read.unknown("cannot parse: " + e.getMessage());
    }
  }
}
