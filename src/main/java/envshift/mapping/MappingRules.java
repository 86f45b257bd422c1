package envshift.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The manifest's renames and drops. A key matches either a setting name ({@code SECRET_KEY},
 * {@code DATABASES}) or a derived var name ({@code DATABASE_URL}); the var name is tried first.
 */
public record MappingRules(Map<String, String> rename, Set<String> drop) {
  public static final MappingRules NONE = new MappingRules(Map.of(), Set.of());

  public MappingRules {
    Objects.requireNonNull(rename, "rename == null");
    Objects.requireNonNull(drop, "drop == null");
    rename = Collections.unmodifiableMap(new LinkedHashMap<>(rename));
    drop = Collections.unmodifiableSet(new LinkedHashSet<>(drop));
  }
}
