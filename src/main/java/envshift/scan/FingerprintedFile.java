package envshift.scan;

import envshift.EnvshiftException;
import envshift.convert.SourceReader;
import envshift.mapping.CompactJson;
import envshift.pgp.Decryptor;
import envshift.settings.Setting;
import envshift.settings.Settings;
import envshift.settings.SettingsModule;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One settings file as a git diff driver shows it ({@code envshift textconv}): its variables
 * sorted by name, each with a keyed fingerprint of its value, so a diff says which variables
 * changed and never what they hold.
 */
public final class FingerprintedFile {
  /** One variable: its name and the fingerprint of its value (type and content). */
  public record Line(String name, String fingerprint) {}

  private FingerprintedFile() {}

  /**
   * Reads {@code file} wherever it is (git hands a temp file named after the blob's path, so its
   * kind is detected from that name and the content, as for any source), decrypting it in memory.
   */
  public static List<Line> read(Path file, Supplier<Decryptor> decryptor,
      Supplier<Fingerprints> keys) {
    Path absolute = file.toAbsolutePath();
    SourceReader reader = new SourceReader(absolute.getParent(), decryptor);
    SettingsModule module = reader.load(absolute.getFileName().toString()).module();
    if (module.settings().isEmpty()) {
      throw new EnvshiftException(file + ": no variable to show (read as "
          + Settings.describe(module.format()) + ")");
    }
    List<Setting> settings = module.settings();
    Fingerprints keyed = keys.get(); // only now: a file that cannot be read makes no key
    // the JSON text tells a string "1" from the number 1, and a list from its joined text
    return settings.stream()
        .map(s -> new Line(s.name(), keyed.of(CompactJson.of(s.value()))))
        .sorted(Comparator.comparing(Line::name))
        .toList();
  }
}
