package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.settings.SettingsFormat;
import org.junit.jupiter.api.Test;

class FileKindTest {
  @Test
  void kindFollowsFormat() {
    assertThat(FileKind.of(SettingsFormat.PYTHON)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.DOTENV)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.JSON)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.YAML)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.INI)).isEqualTo(FileKind.SETTINGS);
    assertThat(FileKind.of(SettingsFormat.NOT_SETTINGS)).isEqualTo(FileKind.INFRA);
    assertThat(FileKind.of(SettingsFormat.UNKNOWN)).isEqualTo(FileKind.UNKNOWN);
  }
}
