package envshift.scan;

import envshift.repo.GitHistory.BlobAtPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Findings as they accumulate: one per (path, twin) and per (path, variable), with the oldest and
 * newest commit that wrote each, however many versions of the file held it.
 */
final class Findings {
  /** One finding being gathered; {@code id} is the variable's, or -1 for a twin. */
  static final class Pending {
    final String path;
    final int id;
    boolean inTree;
    String first;
    Instant firstDate;
    String last;
    Instant lastDate;

    Pending(String path, int id) {
      this.path = path;
      this.id = id;
    }

    void seen(BlobAtPath b) {
      if (first == null || b.firstDate().isBefore(firstDate)) {
        first = b.first();
        firstDate = b.firstDate();
      }
      if (last == null || b.lastDate().isAfter(lastDate)) {
        last = b.last();
        lastDate = b.lastDate();
      }
    }
  }

  private final Map<String, Pending> byKey = new LinkedHashMap<>();

  Pending twin(String path) {
    return byKey.computeIfAbsent(path + "\0twin", k -> new Pending(path, -1));
  }

  Pending value(String path, int id) {
    return byKey.computeIfAbsent(path + "\0" + id, k -> new Pending(path, id));
  }

  /** The variables found anywhere. */
  Set<Integer> ids() {
    Set<Integer> ids = new TreeSet<>();
    byKey.values().stream().filter(p -> p.id >= 0).forEach(p -> ids.add(p.id));
    return ids;
  }

  /**
   * The leaks, sorted by path, twins first, then environment and variable; {@code names} gives a
   * variable's {environment, name} by id.
   */
  List<Leak> leaks(IntFunction<String[]> names, Map<Integer, Leak.Live> liveness) {
    List<Leak> out = new ArrayList<>();
    for (Pending p : byKey.values()) {
      boolean twin = p.id < 0;
      String[] name = twin ? new String[0] : names.apply(p.id);
      out.add(new Leak(twin ? Leak.Kind.TWIN : Leak.Kind.VALUE, p.path,
          twin ? Optional.empty() : Optional.of(name[0]),
          twin ? Optional.empty() : Optional.of(name[1]),
          p.inTree, Optional.ofNullable(p.first), Optional.ofNullable(p.last),
          twin ? Leak.Live.NOT_APPLICABLE : liveness.getOrDefault(p.id, Leak.Live.UNKNOWN)));
    }
    out.sort(Comparator.comparing(Leak::path).thenComparing(Leak::kind)
        .thenComparing(l -> l.environment().orElse(""))
        .thenComparing(l -> l.variable().orElse("")));
    return out;
  }
}
