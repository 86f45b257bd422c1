package envshift.mapping;

import envshift.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The env vars of one environment, in a stable order, with the notes the mapping made. */
public record EnvSet(Map<String, EnvVar> vars, List<MappingNote> notes) {
  public EnvSet {
    Objects.requireNonNull(vars, "vars == null");
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    vars.forEach(
        (name, v) -> {
          if (!name.equals(v.name())) {
            throw new IllegalArgumentException("key " + name + " holds var " + v.name());
          }
        });
    notes = List.copyOf(notes);
  }

  /** An EnvSet of these vars, in this order, with no notes. */
  public static EnvSet of(List<EnvVar> vars) {
    Map<String, EnvVar> byName = new LinkedHashMap<>();
    for (EnvVar v : vars) {
      if (byName.putIfAbsent(v.name(), v) != null) {
        throw new IllegalArgumentException("duplicate var " + v.name());
      }
    }
    return new EnvSet(byName, List.of());
  }

  /** Name to value, in the same order as {@link #vars()}. */
  public Map<String, Secret> values() {
    Map<String, Secret> values = new LinkedHashMap<>();
    vars.forEach((name, v) -> values.put(name, v.value()));
    return Collections.unmodifiableMap(values);
  }

  /** What Heroku counts against its per-app limit: UTF-8 bytes of every name and value. */
  public int configBytes() {
    int total = 0;
    for (EnvVar v : vars.values()) {
      total += bytes(v);
    }
    return total;
  }

  static int bytes(EnvVar v) {
    return v.name().getBytes(StandardCharsets.UTF_8).length
        + v.value().reveal().getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "EnvSet" + vars.keySet() + " (" + notes.size() + " notes)";
  }
}
