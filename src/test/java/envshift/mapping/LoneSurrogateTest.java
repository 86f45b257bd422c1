package envshift.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.settings.Settings;
import envshift.settings.SettingsModule;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 6: a lone surrogate has no UTF-8 form, so the value would reach Heroku as
 * {@code ?}. The setting is skipped with a warning naming it; its neighbours are kept.
 */
class LoneSurrogateTest {
  @Test
  void aJsonValueWithALoneSurrogateIsSkippedWithAWarningNeverSentAsQuestionMark() {
    SettingsModule json = Settings.parse(
        "{\"API_TOKEN\": \"ab\\ud800cd\", \"DEBUG\": \"0\", \"EMOJI\": \"\\ud83d\\ude00\"}",
        "configs/settings.json");

    EnvSet set = EnvMapper.map(json, MappingRules.NONE);

    assertThat(set.vars()).containsOnlyKeys("DEBUG", "EMOJI");
    assertThat(set.values().get("EMOJI").reveal()).isEqualTo("\ud83d\ude00");
    assertThat(set.notes()).singleElement().satisfies(n -> {
      assertThat(n.kind()).isEqualTo(MappingNote.Kind.UNMAPPABLE);
      assertThat(n.message()).startsWith("API_TOKEN holds a lone surrogate (U+D800) at character 3")
          .contains("drop: [API_TOKEN]");
    });
  }
}
