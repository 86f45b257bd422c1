package envshift.settings;

import java.util.List;
import java.util.Objects;

/**
 * The result of parsing one settings file: its top-level settings in order of first assignment (the
 * value and origin are those of the last assignment: last wins), and the warnings met on the way.
 */
public record SettingsModule(
    String file, SettingsFormat format, List<Setting> settings, List<ParseWarning> warnings) {
  public SettingsModule {
    Objects.requireNonNull(file, "file == null");
    Objects.requireNonNull(format, "format == null");
    settings = List.copyOf(settings);
    warnings = List.copyOf(warnings);
  }
}
