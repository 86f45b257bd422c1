package envshift.heroku;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The release a write made, chosen by version and never by list position: of the releases above
 * the newest one seen before the write, one is reported as is; several mean another writer (a
 * deploy, a teammate) released meanwhile, so the highest is reported with a note; none is said in
 * the note rather than reporting an older release. {@code note} is one line without values.
 */
public record NewRelease(Optional<Release> release, Optional<String> note) {
  private static final int VERSIONS_SHOWN = 5;

  public NewRelease {
    Objects.requireNonNull(release, "release == null");
    Objects.requireNonNull(note, "note == null");
  }

  /** From the newest version before the write and the releases read after it, in any order. */
  static NewRelease between(int before, List<Release> after) {
    // By version, once each: an out-of-order or overlapping list must not change the answer.
    Map<Integer, Release> appeared = new TreeMap<>();
    after.stream().filter(r -> r.version() > before)
        .forEach(r -> appeared.putIfAbsent(r.version(), r));
    if (appeared.isEmpty()) {
      return new NewRelease(Optional.empty(), Optional.of("no release appeared after v" + before
          + " (the PATCH made none?)"));
    }
    List<Integer> versions = new ArrayList<>(appeared.keySet());
    Release newest = appeared.get(versions.get(versions.size() - 1));
    if (versions.size() == 1) {
      return new NewRelease(Optional.of(newest), Optional.empty());
    }
    return new NewRelease(Optional.of(newest), Optional.of(versions.size()
        + " releases appeared during the write (" + shown(versions) + "); v" + newest.version()
        + " reported"));
  }

  /** The releases could not be read; the write itself stands. */
  static NewRelease unknown(String why) {
    return new NewRelease(Optional.empty(), Optional.of("release version unknown (" + why + ")"));
  }

  /** The version reported, if one is. */
  public Optional<Integer> version() {
    return release.map(Release::version);
  }

  /** {@code release v3}, {@code release v4; <note>} or {@code release unknown; <note>}. */
  public String describe() {
    return version().map(v -> "release v" + v).orElse("release unknown")
        + note.map(n -> "; " + n).orElse("");
  }

  private static String shown(List<Integer> versions) {
    List<String> names = versions.stream().limit(VERSIONS_SHOWN).map(v -> "v" + v).toList();
    String more = versions.size() > VERSIONS_SHOWN
        ? " and " + (versions.size() - VERSIONS_SHOWN) + " more" : "";
    return String.join(", ", names) + more;
  }
}
