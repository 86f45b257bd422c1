package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SourceDrift and the drift renderings with live-owned names (rotated, the manifest's live:). */
class LiveSourceDriftTest {
  private static List<Finding> compare(Set<String> liveOwned) {
    return SourceDrift.compare("staging",
        vars("SECRET_KEY", "rotated-new", "DEBUG", "1", "EXTRA", "x"), Map.of(), liveOwned,
        vars("SECRET_KEY", "leaked-old", "DEBUG", "0", "SIGNING_KEY", "s"));
  }

  private static DriftReport report(List<Finding> findings) {
    return new DriftReport(List.of("staging"), List.of(), List.of(), List.of())
        .withFindings(findings);
  }

  @Test
  void aRotatedVarIsLiveNotChanged() {
    assertThat(compare(Set.of("SECRET_KEY"))).containsExactly(
        new Finding("DEBUG", Finding.Kind.CHANGED, List.of("staging")),
        new Finding("EXTRA", Finding.Kind.ADDED, List.of("staging")),
        new Finding("SECRET_KEY", Finding.Kind.LIVE, List.of("staging")),
        new Finding("SIGNING_KEY", Finding.Kind.REMOVED, List.of("staging")));
  }

  @Test
  void withoutLiveNamesTheRotatedVarIsChanged() {
    assertThat(compare(Set.of())).contains(
        new Finding("SECRET_KEY", Finding.Kind.CHANGED, List.of("staging")));
  }

  @Test
  void aLiveOwnedVarTheAppDoesNotHoldIsNotReportedAsRemoved() {
    assertThat(compare(Set.of("SIGNING_KEY")))
        .noneMatch(f -> f.name().equals("SIGNING_KEY"));
  }

  @Test
  void liveFindingsAloneAreNotDifferences() {
    DriftReport onlyLive = report(SourceDrift.compare("staging", vars("SECRET_KEY", "new"),
        Map.of(), Set.of("SECRET_KEY"), vars("SECRET_KEY", "old")));

    assertThat(onlyLive.hasFindings()).isTrue();
    assertThat(onlyLive.hasDifferences()).isFalse();
    assertThat(report(compare(Set.of("SECRET_KEY"))).hasDifferences()).isTrue();
  }

  @Test
  void everyRenderingNamesTheKindLiveWithoutAValue() {
    DriftReport r = report(SourceDrift.compare("staging", vars("SECRET_KEY", "rotated-new"),
        Map.of(), Set.of("SECRET_KEY"), vars("SECRET_KEY", "leaked-old")));

    assertThat(DriftJson.render(r)).isEqualTo("{\"environments\":[\"staging\"],\"findings\":["
        + "{\"name\":\"SECRET_KEY\",\"kind\":\"live\",\"envs\":[\"staging\"]}],"
        + "\"addon_owned\":[]}");
    assertThat(DriftTable.render(r, false)).endsWith("1 finding:\n  live  SECRET_KEY: owned by "
        + "the app in staging since it was rotated (live:); the source value is retired, not "
        + "compared\n");
    assertThat(DriftMarkdown.render(r)).contains("- **live** `SECRET_KEY`: owned by the app");
    for (String out : List.of(DriftJson.render(r), DriftTable.render(r, true),
        DriftMarkdown.render(r))) {
      assertThat(out).doesNotContain("rotated-new").doesNotContain("leaked-old");
    }
  }
}
