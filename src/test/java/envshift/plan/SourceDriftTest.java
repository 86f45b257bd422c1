package envshift.plan;

import static envshift.plan.Fixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceDriftTest {
  @Test
  void changedAddedAndRemovedSortedByName() {
    assertThat(SourceDrift.compare("staging",
            vars("SAME", "1", "CHANGED", "live", "LIVE_ONLY", "x"), Map.of(),
            vars("SAME", "1", "CHANGED", "source", "SOURCE_ONLY", "y")))
        .containsExactly(
            new Finding("CHANGED", Finding.Kind.CHANGED, List.of("staging")),
            new Finding("LIVE_ONLY", Finding.Kind.ADDED, List.of("staging")),
            new Finding("SOURCE_ONLY", Finding.Kind.REMOVED, List.of("staging")));
  }

  @Test
  void addonOwnedVarsAreNeverFindings() {
    assertThat(SourceDrift.compare("production",
            vars("DATABASE_URL", "postgres://live", "REDIS_URL", "redis://x"),
            Map.of("DATABASE_URL", "heroku-postgresql", "REDIS_URL", "heroku-redis"),
            vars("DATABASE_URL", "postgres://from-settings")))
        .isEmpty();
  }

  @Test
  void inSyncIsEmpty() {
    assertThat(SourceDrift.compare("staging", vars("A", "1"), Map.of(), vars("A", "1"))).isEmpty();
  }
}
