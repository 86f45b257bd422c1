package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanupCheckTest {
  @Test
  void aSkippedSettingIsNamedByItsWarning() {
    assertThat(CleanupCheck.skippedNames("TIME_ZONE: skipped (calls timezone())"))
        .containsExactly("TIME_ZONE");
    assertThat(CleanupCheck.skippedNames("LOGGING: skipped (changed by a del statement)"))
        .containsExactly("LOGGING");
  }

  @Test
  void aSkippedBlockNamesEverySettingItAssigns() {
    assertThat(CleanupCheck.skippedNames(
        "skipped 'if' block (lines 3-9); it assigns DEBUG, SENTRY_DSN, helper"))
        .containsExactly("DEBUG", "SENTRY_DSN");
  }

  @Test
  void importsAndDefaultsTakenFromGetenvSkipNoSetting() {
    assertThat(CleanupCheck.skippedNames("skipped import of os")).isEmpty();
    assertThat(CleanupCheck.skippedNames(
        "REDIS_HOST: uses os.getenv('REDIS_HOST'): taking its default")).isEmpty();
    assertThat(CleanupCheck.skippedNames("skipped 'try' block (line 4)")).isEmpty();
  }
}
