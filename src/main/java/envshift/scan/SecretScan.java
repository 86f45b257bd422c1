package envshift.scan;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.mapping.EnvVar;
import envshift.plan.AppConfig;
import envshift.plan.DriftRules;
import envshift.repo.BlackboxLayout;
import envshift.repo.GitHistory;
import envshift.repo.GitHistory.BlobAtPath;
import envshift.repo.GitHistory.Tracked;
import envshift.settings.EncryptedNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The scan use case: which secrets leaked into the tree (or, with history, any commit) in
 * plaintext. The secret values come from the decrypted sources, as {@code show} reads them, and
 * only those whose names the manifest's {@code secrets:} patterns mark; they are searched for
 * through a {@link ValueIndex}, so what the report holds is names, paths and commits only. Each
 * distinct blob is read once, through git, whatever the number of commits that hold it.
 */
public final class SecretScan {
  /** Reads the live configs of environments with a heroku target, labelled by environment. */
  public interface LiveReader {
    List<AppConfig> read(List<Environment> envs);
  }

  /** A searched variable: the environment it comes from and its name. */
  private record Ref(Environment environment, String name) {}

  private final Workspace workspace;
  private final Optional<LiveReader> live;
  private final Consumer<LoadedEnvironment> onLoaded;

  /**
   * @param live reads the apps, when the API is configured; without it liveness is "unknown"
   * @param onLoaded hears each environment converted (for its warnings)
   */
  public SecretScan(Workspace workspace, Optional<LiveReader> live,
      Consumer<LoadedEnvironment> onLoaded) {
    this.workspace = workspace;
    this.live = live;
    this.onLoaded = onLoaded;
  }

  public ScanReport scan(boolean withHistory) {
    GitHistory git = GitHistory.open(workspace.root()).orElseThrow(() -> new EnvshiftException(
        "scan: " + workspace.root() + " is not in a git checkout (git is needed to list files)"));
    ValueIndex index = new ValueIndex();
    List<Ref> refs = secretValues(workspace.manifest(), index);
    List<Tracked> tracked = git.tracked();
    List<BlobAtPath> past = withHistory ? git.blobsAtPaths() : List.of();

    Set<String> blobs = new LinkedHashSet<>();
    tracked.forEach(t -> blobs.add(t.blob()));
    past.forEach(b -> blobs.add(b.blob()));
    Map<String, Set<Integer>> hits = new HashMap<>();
    int skipped = index.isEmpty() ? 0 : git.readBlobs(blobs, (blob, content) -> {
      Set<Integer> found = index.find(content);
      if (!found.isEmpty()) hits.put(blob, found);
    });

    Findings findings = new Findings();
    Set<String> twins = twinPaths(tracked, past);
    for (Tracked t : tracked) {
      if (twins.contains(t.path())) findings.twin(t.path()).inTree = true;
      for (int id : hits.getOrDefault(t.blob(), Set.of())) {
        findings.value(t.path(), id).inTree = true;
      }
    }
    for (BlobAtPath b : past) {
      if (twins.contains(b.path())) findings.twin(b.path()).seen(b);
      for (int id : hits.getOrDefault(b.blob(), Set.of())) findings.value(b.path(), id).seen(b);
    }
    List<String> notes = new ArrayList<>();
    Map<Integer, Leak.Live> liveness = liveness(findings.ids(), refs, index, notes);
    List<Leak> leaks = findings.leaks(
        id -> new String[] {refs.get(id).environment().name(), refs.get(id).name()}, liveness);
    return new ScanReport(leaks, withHistory, refs.size(), skipped, notes);
  }

  /** Every environment converted; the values of the names the manifest marks secret indexed. */
  private List<Ref> secretValues(Manifest manifest, ValueIndex index) {
    DriftRules rules = new DriftRules(manifest.secretPatterns(), List.of(), List.of());
    List<Ref> refs = new ArrayList<>();
    try (var ahead = workspace.loader().readAhead(manifest.environments())) {
      for (Environment env : manifest.environments()) {
        LoadedEnvironment loaded = workspace.loader().load(env);
        onLoaded.accept(loaded);
        for (EnvVar v : loaded.vars().vars().values()) {
          if (rules.looksSecret(v.name()) && ValueIndex.searchable(v.value())) {
            index.add(refs.size(), v.value());
            refs.add(new Ref(env, v.name()));
          }
        }
      }
    }
    return refs;
  }

  /**
   * The plaintext paths of the encrypted files: blackbox's list, and {@code X} for every {@code
   * X.gpg} (or .asc, .pgp) tracked now or, with history, ever.
   */
  private Set<String> twinPaths(List<Tracked> tracked, List<BlobAtPath> past) {
    Set<String> twins = new TreeSet<>();
    BlackboxLayout.find(workspace.root()).ifPresent(layout -> twins.addAll(layout.files()));
    List<String> paths = new ArrayList<>();
    tracked.forEach(t -> paths.add(t.path()));
    past.forEach(b -> paths.add(b.path()));
    for (String path : paths) {
      if (EncryptedNames.named(path)) twins.add(EncryptedNames.plainName(path));
    }
    return twins;
  }

  /**
   * Per variable found: is its value still the live one? Only environments with a heroku target
   * are read, and only when a reader was given; the rest stay unknown.
   */
  private Map<Integer, Leak.Live> liveness(Set<Integer> ids, List<Ref> refs, ValueIndex index,
      List<String> notes) {
    Map<Integer, Leak.Live> out = new HashMap<>();
    ids.forEach(id -> out.put(id, Leak.Live.UNKNOWN));
    Set<Environment> envs = new LinkedHashSet<>();
    ids.forEach(id -> envs.add(refs.get(id).environment()));
    List<Environment> targeted = envs.stream().filter(e -> e.heroku().isPresent()).toList();
    if (targeted.size() < envs.size()) {
      notes.add("live state unknown for environments without a heroku target");
    }
    if (targeted.isEmpty()) return out;
    if (live.isEmpty()) {
      notes.add("live state unknown: the apps were not read (no Heroku API token, or --no-live)");
      return out;
    }
    Map<String, AppConfig> apps = new HashMap<>();
    live.get().read(targeted).forEach(a -> apps.put(a.label(), a));
    for (int id : ids) {
      Ref ref = refs.get(id);
      AppConfig app = apps.get(ref.environment().name());
      if (app == null) continue;
      boolean same = Optional.ofNullable(app.vars().get(ref.name()))
          .map(value -> index.holds(id, value)).orElse(false);
      out.put(id, same ? Leak.Live.YES : Leak.Live.NO);
    }
    return out;
  }
}
