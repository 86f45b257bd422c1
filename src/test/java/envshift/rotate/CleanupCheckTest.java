package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Origin;
import envshift.Secret;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.manifest.HerokuTarget;
import envshift.mapping.EnvSet;
import envshift.mapping.EnvVar;
import envshift.mapping.MappingRules;
import envshift.plan.AppPlan;
import envshift.settings.ParseWarning;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CleanupCheckTest {
  private static final String FILE = "settings.py.gpg";

  @Test
  void onlySettingsOfMigratedFilesThatWereNeitherConvertedNorDroppedAreUnverified() {
    Environment env = new Environment("staging", List.of(), Optional.empty(),
        Optional.of(new HerokuTarget.App("payroll-staging")), new Origin("envshift.yml", 3));
    EnvSet vars = EnvSet.of(List.of(
        new EnvVar("ADMIN_EMAILS", Secret.of("a@example.org"), new Origin(FILE, 2))));
    List<ParseWarning> warnings = List.of(
        new ParseWarning(new Origin(FILE, 5),
            "skipped 'if' block (lines 5-8); it may change ADMINS, TIME_ZONE, STATIC_ROOT"),
        new ParseWarning(new Origin("local.py", 1), "LOCAL_ONLY: skipped (calls f())"));
    LoadedEnvironment loaded = new LoadedEnvironment(env, List.of(), vars, warnings);
    MappingRules rules = new MappingRules(Map.of("ADMINS", "ADMIN_EMAILS"), Set.of("STATIC_ROOT"));

    List<Unverified> found = CleanupCheck.check(
        new AppPlan("staging", "payroll-staging", List.of()), loaded, Set.of(FILE), rules);

    assertThat(found).extracting(Unverified::name).containsExactly("TIME_ZONE");
    assertThat(found.get(0).why()).contains("settings.py.gpg:5");
  }
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
        "skipped 'if' block (lines 3-9); it may change DEBUG, SENTRY_DSN, helper"))
        .containsExactly("DEBUG", "SENTRY_DSN");
    assertThat(CleanupCheck.skippedNames("skipped 'for' block (line 4); it assigns ADMINS"))
        .containsExactly("ADMINS");
  }

  @Test
  void importsAndDefaultsTakenFromGetenvSkipNoSetting() {
    assertThat(CleanupCheck.skippedNames("skipped import of os")).isEmpty();
    assertThat(CleanupCheck.skippedNames(
        "REDIS_HOST: uses os.getenv('REDIS_HOST'): taking its default")).isEmpty();
    assertThat(CleanupCheck.skippedNames("skipped 'try' block (line 4)")).isEmpty();
  }
}
