package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import envshift.Origin;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.SourceReader.LoadedSource;
import envshift.manifest.Environment;
import envshift.manifest.HerokuTarget;
import envshift.mapping.EnvSet;
import envshift.mapping.MappingRules;
import envshift.plan.AppPlan;
import envshift.plan.Planner;
import envshift.settings.SettingsFormat;
import envshift.settings.SettingsModule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 1: a legacy file that yielded no variable (a script, or a file read as the
 * wrong kind) was never pushed, so cleanup must never remove it as "verified".
 */
class CleanupCheckEmptySourceTest {
  private static final String FILE = "configs/settings_deployment.py.gpg";
  private static final Environment ENV = new Environment("staging", List.of(), Optional.empty(),
      Optional.of(new HerokuTarget.App("payroll-staging")), new Origin("envshift.yml", 3),
      List.of());

  @Test
  void aMigratedFileThatYieldedNothingIsUnverified() {
    LoadedSource empty = new LoadedSource(FILE,
        new SettingsModule(FILE, SettingsFormat.NOT_SETTINGS, List.of(), List.of()), true);
    LoadedEnvironment loaded =
        new LoadedEnvironment(ENV, List.of(empty), EnvSet.of(List.of()), List.of());
    AppPlan plan = Planner.plan("staging", "payroll-staging", Map.of(), Map.of(), Map.of(), false);

    assertThat(CleanupCheck.check(plan, loaded, Set.of(FILE), MappingRules.NONE))
        .extracting(Unverified::name, Unverified::why)
        .containsExactly(tuple(FILE, "yielded no variable (read as not settings), so none of it "
            + "was verified live; convert it or remove it by hand"));
  }
}
