package envshift.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import envshift.heroku.CoupledApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineAppsTest {
  @Test
  void columnsFollowPromotionOrderWithUnknownStagesLast() {
    List<CoupledApp> chosen = List.of(new CoupledApp("production", "1"),
        new CoupledApp("canary", "2"), new CoupledApp("development", "3"),
        new CoupledApp("staging", "4"));

    assertThat(PipelineApps.columns(chosen, Map.of("1", "p", "2", "c", "3", "d", "4", "s")))
        .extracting(PipelineApps.Column::label)
        .containsExactly("development", "staging", "production", "canary");
  }

  @Test
  void aStageWithSeveralAppsLabelsEachByNameInNameOrder() {
    List<CoupledApp> chosen = List.of(new CoupledApp("staging", "1"),
        new CoupledApp("staging", "2"), new CoupledApp("production", "3"));

    assertThat(PipelineApps.columns(chosen, Map.of("1", "zeta", "2", "alpha", "3", "prod")))
        .extracting(PipelineApps.Column::label, PipelineApps.Column::index)
        .containsExactly(tuple("staging:alpha", 1),
            tuple("staging:zeta", 0),
            tuple("production", 2));
  }

  @Test
  void anAppCoupledTwiceIsReadOnce() {
    List<CoupledApp> all = List.of(new CoupledApp("staging", "1"), new CoupledApp("staging", "1"));

    assertThat(PipelineApps.select("p", all, false)).hasSize(1);
  }
}
