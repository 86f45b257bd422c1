package envshift.access;

import envshift.Secret;
import envshift.access.AccessReport.FileAccess;
import envshift.access.AccessReport.Version;
import envshift.pgp.DecryptionException;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one key could read of one path over its versions: which versions name the key among their
 * recipients, the variables in those, and which of those still hold a value the key has seen.
 */
final class PathAccess {
  /** A version of the path and its bytes (an OpenPGP message). */
  record Seen(Version version, byte[] content) {}

  static final String DELETED = "the file is gone; its values may live on elsewhere (Heroku): "
      + "rotate them all";

  private final KeyRing keys;
  private final List<KeyId> ids;
  private final VariableReader reader;

  PathAccess(KeyRing keys, List<KeyId> ids, VariableReader reader) {
    this.keys = keys;
    this.ids = List.copyOf(ids);
    this.reader = reader;
  }

  /** Empty when the key could read no version; {@code current} is the working tree's content. */
  Optional<FileAccess> of(String path, List<Seen> history, Optional<byte[]> current) {
    List<Seen> versions = new ArrayList<>(history);
    current
        .filter(c -> history.stream().noneMatch(s -> Arrays.equals(s.content(), c)))
        .ifPresent(c -> versions.add(new Seen(Version.WORKING_TREE, c)));
    List<Seen> readable = new ArrayList<>();
    MessageInfo last = null;
    for (Seen s : versions) {
      Optional<MessageInfo> info = inspect(s.content(), label(path, s));
      if (info.filter(this::readable).isPresent()) {
        readable.add(s);
        last = info.get();
      }
    }
    if (readable.isEmpty()) return Optional.empty();
    Optional<MessageInfo> now = current.flatMap(c -> inspect(c, path));
    boolean readableNow = now.filter(this::readable).isPresent();
    MessageInfo shown = now.orElse(last);

    KnownValues names = names(path, readable);
    List<String> unchanged = List.of();
    Optional<String> unchangedUnknown = Optional.empty();
    if (names.unknown().isPresent()) {
      unchangedUnknown = Optional.of("variables unknown");
    } else if (readableNow) {
      unchanged = names.names();
    } else if (current.isEmpty()) {
      unchangedUnknown = Optional.of(DELETED);
    } else {
      VariableReader.Read read = reader.read(current.get(), path, path);
      unchangedUnknown = read.unknown().map(why -> "current version: " + why);
      unchanged = names.names().stream().filter(n -> names.known(n, read.vars().get(n))).toList();
    }
    return Optional.of(new FileAccess(path, shown.symmetric(), shown.recipients(), names.names(),
        names.unknown(), current.isPresent(), readableNow,
        readable.stream().map(Seen::version).toList(), unchanged, unchangedUnknown));
  }

  /** The values the key has seen per name, in first-seen order; unknown if none could be read. */
  private record KnownValues(Map<String, List<Secret>> values, Optional<String> unknown) {
    List<String> names() {
      return List.copyOf(values.keySet());
    }

    /** Whether {@code current} (null: no such variable now) is a value the key has seen. */
    boolean known(String name, Secret current) {
      return current != null && values.get(name).stream().anyMatch(v -> v.sameAs(current));
    }
  }

  private KnownValues names(String path, List<Seen> readable) {
    Map<String, List<Secret>> values = new LinkedHashMap<>();
    Optional<String> unknown = Optional.empty();
    boolean anyRead = false;
    for (Seen s : readable) {
      VariableReader.Read read = reader.read(s.content(), path, label(path, s));
      if (read.unknown().isPresent()) {
        unknown = read.unknown();
      } else {
        anyRead = true;
      }
      read.vars().forEach((name, value) ->
          values.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
    }
    return new KnownValues(values, anyRead ? Optional.empty() : unknown);
  }

  private boolean readable(MessageInfo info) {
    return info.recipients().stream().anyMatch(r -> ids.contains(r.keyId()));
  }

  /** A version git holds that is not a well-formed message is nobody's to read: skipped. */
  private Optional<MessageInfo> inspect(byte[] content, String label) {
    try {
      return Optional.of(MessageInspector.inspect(content, label, keys));
    } catch (DecryptionException e) {
      return Optional.empty();
    }
  }

  private static String label(String path, Seen s) {
    return s.version().commit().map(c -> path + " at " + c.substring(0, 12)).orElse(path);
  }
}
