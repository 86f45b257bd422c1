package envshift.audit;

import envshift.heroku.CoupledApp;
import envshift.push.Destination;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a pipeline's coupled apps drift compares, and what their columns are called. Pure.
 * Review and test apps are short-lived and seeded from the pipeline's own config, so they are left
 * out unless asked for. Columns go in promotion order (test, review, development, staging,
 * production, then any other stage by name) and are labelled by stage; a stage holding several
 * apps labels each {@code stage:app}.
 */
final class PipelineApps {
  private static final List<String> ORDER =
      List.of("test", "review", "development", "staging", "production");

  /** A chosen app in column order: its index in the chosen list, its label and its name. */
  record Column(int index, String label, String name) {}

  private PipelineApps() {}

  static List<CoupledApp> select(String pipeline, List<CoupledApp> all, boolean includeReview) {
    List<CoupledApp> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (CoupledApp c : all) {
      if ((includeReview || !Destination.STAGES_WITH_VARS.contains(c.stage())) && seen.add(c.appId())) {
        chosen.add(c);
      }
    }
    if (chosen.isEmpty()) {
      throw new AuditException("pipeline " + pipeline + ": no app to compare"
          + (all.isEmpty() || includeReview ? " (no app is coupled)"
              : " (only review or test apps are coupled; add --include-review)"));
    }
    return List.copyOf(chosen);
  }

  /** The chosen apps as columns, in stage order then by name. */
  static List<Column> columns(List<CoupledApp> chosen, Map<String, String> names) {
    Map<String, Integer> perStage = new HashMap<>();
    chosen.forEach(c -> perStage.merge(c.stage(), 1, Integer::sum));
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      CoupledApp c = chosen.get(i);
      String name = names.getOrDefault(c.appId(), c.appId());
      String label = perStage.get(c.stage()) == 1 ? c.stage() : c.stage() + ":" + name;
      columns.add(new Column(i, label, name));
    }
    Comparator<Column> byStage = Comparator.comparingInt(col -> rank(chosen.get(col.index())));
    columns.sort(byStage.thenComparing(col -> chosen.get(col.index()).stage())
        .thenComparing(Column::name));
    return List.copyOf(columns);
  }

  private static int rank(CoupledApp c) {
    int known = ORDER.indexOf(c.stage());
    return known < 0 ? ORDER.size() : known;
  }
}
