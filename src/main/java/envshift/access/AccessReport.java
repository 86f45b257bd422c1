package envshift.access;

import envshift.SecureFiles;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.mapping.MappingRules;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyId;
import envshift.pgp.KeyRing;
import envshift.pgp.MessageInfo;
import envshift.pgp.MessageInspector;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.repo.GitHistory;
import envshift.repo.RepoFile;
import envshift.repo.RepoScan;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who can read each encrypted file of a repo and, for one key, every file that key could read in
 * any commit of the repo's history (from the messages' recipient key ids, no decryption), with the
 * variable names in them and those whose value is unchanged since the key lost access: the list to
 * rotate. Values are decrypted in memory to read names and compare, never kept or shown.
 */
public final class AccessReport {
  /** A version of a file: the commit that made it, or the working tree (both empty). */
  public record Version(Optional<String> commit, Optional<Instant> date) {
    public Version {
      Objects.requireNonNull(commit, "commit == null");
      Objects.requireNonNull(date, "date == null");
    }

    static final Version WORKING_TREE = new Version(Optional.empty(), Optional.empty());
  }

  /**
   * One encrypted file. {@code recipients} and {@code symmetric} describe its current version (the
   * last one the key could read when the file is gone). With a key: {@code versions} are the ones
   * it could read, oldest first; {@code variables} their names; {@code unchanged} the names whose
   * current value is one the key could read (all of them while it still can); {@code
   * unchangedUnknown} why that could not be told.
   */
  public record FileAccess(
      String path,
      boolean symmetric,
      List<Recipient> recipients,
      List<String> variables,
      Optional<String> variablesUnknown,
      boolean present,
      boolean readableNow,
      List<Version> versions,
      List<String> unchanged,
      Optional<String> unchangedUnknown) {
    public FileAccess {
      Objects.requireNonNull(path, "path == null");
      recipients = List.copyOf(recipients);
      variables = List.copyOf(variables);
      Objects.requireNonNull(variablesUnknown, "variablesUnknown == null");
      versions = List.copyOf(versions);
      unchanged = List.copyOf(unchanged);
      Objects.requireNonNull(unchangedUnknown, "unchangedUnknown == null");
    }
  }

  /**
   * The report: for {@code key} (empty: every current file), its {@code keyIds}; {@code
   * historyRead} is false when only the working tree was looked at; {@code warnings} say why.
   */
  public record Report(
      Optional<String> key,
      List<KeyId> keyIds,
      boolean historyRead,
      List<String> warnings,
      List<FileAccess> files) {
    public Report {
      Objects.requireNonNull(key, "key == null");
      keyIds = List.copyOf(keyIds);
      warnings = List.copyOf(warnings);
      files = List.copyOf(files);
    }
  }

  private final RepoScan scan;
  private final KeyRing keys;
  private final MappingRules rules;
  private final Map<String, Set<String>> rotatedBySource = new HashMap<>();

  public AccessReport(RepoScan scan, KeyRing keys) {
    this.scan = scan;
    this.keys = keys;
    boolean hasManifest = Files.isRegularFile(scan.root().resolve(ManifestLoader.FILE_NAME));
    Optional<Manifest> manifest =
        hasManifest ? Optional.of(ManifestLoader.load(scan.root())) : Optional.empty();
    this.rules = manifest.map(Manifest::rules).orElse(MappingRules.NONE);
    // A var rotated since (listed under its environment's live:) no longer holds the value the
    // key saw: it is off the list to rotate, as plan, drift and cleanup treat it.
    manifest.ifPresent(m -> m.environments().forEach(env -> env.sources().forEach(src ->
        rotatedBySource.computeIfAbsent(src.path(), p -> new HashSet<>()).addAll(env.live()))));
  }

  /** Without a key, every current encrypted file; with one, what it could read in history. */
  public Report report(Optional<String> key) {
    if (key.isEmpty()) return new Report(key, List.of(), false, List.of(), everyFile());
    List<KeyId> ids = List.copyOf(Recipients.keyIdsOf(key.get(), keys));
    Optional<GitHistory> history = GitHistory.open(scan.root());
    List<String> warnings = new ArrayList<>();
    if (history.isEmpty()) {
      warnings.add(scan.root() + " is not a git checkout (or git is missing): only the current "
          + "files were read, not their history");
    }
    Map<String, List<PathAccess.Seen>> byPath = new TreeMap<>();
    history.ifPresent(h -> h.encryptedVersions().forEach(v -> byPath
        .computeIfAbsent(v.path(), p -> new ArrayList<>())
        .add(new PathAccess.Seen(new Version(Optional.of(v.commit()), Optional.of(v.date())),
            v.content()))));
    Map<String, byte[]> current = new LinkedHashMap<>();
    encrypted().forEach(f -> current.put(f.path(), read(f)));
    current.keySet().forEach(p -> byPath.computeIfAbsent(p, x -> new ArrayList<>()));
    PathAccess paths = new PathAccess(keys, ids, new VariableReader(new Decryptor(keys), rules));
    List<FileAccess> files = new ArrayList<>();
    byPath.forEach((path, seen) -> paths.of(path, seen, Optional.ofNullable(current.get(path)))
        .map(this::withoutRotated).ifPresent(files::add));
    return new Report(key, ids, history.isPresent(), warnings, files);
  }

  private FileAccess withoutRotated(FileAccess f) {
    Set<String> rotated = rotatedBySource.getOrDefault(f.path(), Set.of());
    if (rotated.isEmpty()) return f;
    return new FileAccess(f.path(), f.symmetric(), f.recipients(), f.variables(),
        f.variablesUnknown(), f.present(), f.readableNow(), f.versions(),
        f.unchanged().stream().filter(n -> !rotated.contains(n)).toList(), f.unchangedUnknown());
  }

  /** Every current encrypted file with its recipients; no decryption. */
  private List<FileAccess> everyFile() {
    List<FileAccess> out = new ArrayList<>();
    for (RepoFile file : encrypted()) {
      MessageInfo info = MessageInspector.inspect(read(file), file.path(), keys);
      out.add(new FileAccess(file.path(), info.symmetric(), info.recipients(), List.of(),
          Optional.empty(), true, false, List.of(), List.of(), Optional.empty()));
    }
    return out;
  }

  private List<RepoFile> encrypted() {
    return scan.files().stream().filter(RepoFile::encrypted).toList();
  }

  private byte[] read(RepoFile file) {
    return SecureFiles.read(scan.root().resolve(file.path()), file.path());
  }
}
