package envshift.settings;

import envshift.Origin;
import java.util.Objects;

/** One top-level setting: its name as written, its value, and where it was (last) assigned. */
public record Setting(String name, SettingValue value, Origin origin) {
  public Setting {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(value, "value == null");
    Objects.requireNonNull(origin, "origin == null");
  }
}
