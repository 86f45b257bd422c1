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
import envshift.plan.Planner;
import envshift.settings.ParseWarning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cleanup verification of live-owned (rotated) vars: their legacy value is known retired. */
class CleanupCheckLiveTest {
  private static final String FILE = "settings.py.gpg";
  private static final MappingRules RULES =
      new MappingRules(Map.of("SECRET_KEY", "DJANGO_SECRET_KEY"), Set.of());

  private static final Environment ENV = new Environment("staging", List.of(), Optional.empty(),
      Optional.of(new HerokuTarget.App("payroll-staging")), new Origin("envshift.yml", 3),
      List.of("DJANGO_SECRET_KEY"));

  private static Map<String, Secret> vars(String... namesAndValues) {
    Map<String, Secret> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], Secret.of(namesAndValues[i + 1]));
    }
    return map;
  }

  private static LoadedEnvironment loaded(List<ParseWarning> warnings) {
    EnvSet declared = EnvSet.of(List.of(
        new EnvVar("DJANGO_SECRET_KEY", Secret.of("leaked-old"), new Origin(FILE, 2)),
        new EnvVar("DEBUG", Secret.of("0"), new Origin(FILE, 3))));
    return new LoadedEnvironment(ENV, List.of(), declared, warnings);
  }

  /** The plan cleanup checks is made without live names here, to test CleanupCheck alone. */
  private static AppPlan rotatedPlan() {
    return Planner.plan("staging", "payroll-staging",
        vars("DJANGO_SECRET_KEY", "rotated-new", "DEBUG", "0"), Map.of(),
        vars("DJANGO_SECRET_KEY", "leaked-old", "DEBUG", "0"), false);
  }

  @Test
  void aRotatedVarIsVerifiedWhenItIsLiveOwned() {
    assertThat(CleanupCheck.check(rotatedPlan(), loaded(List.of()), Set.of(FILE), RULES,
        Set.copyOf(ENV.live()))).isEmpty();
  }

  @Test
  void withoutLiveNamesTheRotatedValueIsUnverified() {
    assertThat(CleanupCheck.check(rotatedPlan(), loaded(List.of()), Set.of(FILE), RULES))
        .extracting(Unverified::name, Unverified::why)
        .containsExactly(org.assertj.core.api.Assertions.tuple("DJANGO_SECRET_KEY",
            "live on payroll-staging with a different value"));
  }

  @Test
  void aRotatedVarMissingOnTheAppIsStillVerified() {
    AppPlan plan = Planner.plan("staging", "payroll-staging", vars("DEBUG", "0"), Map.of(),
        vars("DJANGO_SECRET_KEY", "leaked-old", "DEBUG", "0"), false);

    assertThat(CleanupCheck.check(plan, loaded(List.of()), Set.of(FILE), RULES,
        Set.of("DJANGO_SECRET_KEY"))).isEmpty();
  }

  @Test
  void aSkippedSettingWhoseRenamedVarIsLiveOwnedIsVerified() {
    List<ParseWarning> skipped = List.of(
        new ParseWarning(new Origin(FILE, 7), "SECRET_KEY: skipped (calls get_random_string())"),
        new ParseWarning(new Origin(FILE, 9), "TIME_ZONE: skipped (calls tz())"));
    EnvSet none = EnvSet.of(List.of());
    LoadedEnvironment loaded = new LoadedEnvironment(ENV, List.of(), none, skipped);
    AppPlan plan = new AppPlan("staging", "payroll-staging", List.of());

    assertThat(CleanupCheck.check(plan, loaded, Set.of(FILE), RULES, Set.copyOf(ENV.live())))
        .extracting(Unverified::name).containsExactly("TIME_ZONE");
  }
}
