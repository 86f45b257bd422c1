package envshift.mapping;

import envshift.settings.SettingsModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings to env vars, one straight pipeline: each source is mapped on its own (expand, drop,
 * rename, check names), then the sources are merged in order, later ones winning. Pure: no I/O, no
 * clock, so the same input always gives the same EnvSet.
 */
public final class EnvMapper {
  private EnvMapper() {}

  public static EnvSet map(List<SettingsModule> sourcesInOrder, MappingRules rules) {
    Objects.requireNonNull(rules, "rules == null");
    List<MappingNote> notes = new ArrayList<>();
    Map<String, EnvVar> merged = new LinkedHashMap<>();
    for (SettingsModule module : sourcesInOrder) {
      for (EnvVar var : SourceMapper.map(module, rules, notes).values()) {
        EnvVar earlier = merged.put(var.name(), var);
        if (earlier != null) {
          notes.add(
              new MappingNote(
                  var.origin(),
                  var.name(),
                  MappingNote.Kind.OVERRIDDEN,
                  var.name() + " from " + earlier.origin() + " is overridden by " + var.origin()));
        }
      }
    }
    return new EnvSet(merged, notes);
  }

  /** One source alone, for callers that have a single settings file. */
  public static EnvSet map(SettingsModule source, MappingRules rules) {
    return map(List.of(source), rules);
  }
}
