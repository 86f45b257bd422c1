package envshift.heroku.fake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Apps, config, releases, add-ons and pipelines of the fake. Every method is synchronized: the fake
 * serves concurrent connections and a PATCH must check, apply and record its release atomically.
 */
final class FakeState {
  /** "Config var data (the combination of all keys and values) cannot exceed 32 kb per app." */
  static final int CONFIG_LIMIT_BYTES = 32 * 1024;

  static final class AppState {
    final String id = UUID.randomUUID().toString();
    final String name;
    final String createdAt = now();
    Map<String, String> config = new LinkedHashMap<>();
    final List<ReleaseState> releases = new ArrayList<>();
    final List<AddonState> addons = new ArrayList<>();

    AppState(String name) {
      this.name = name;
    }
  }

  record ReleaseState(String id, int version, String description, String status, String createdAt,
      Map<String, String> config) {}

  record AddonState(String id, String name, String attachmentId, String attachmentName,
      List<String> configVars, String createdAt) {}

  record PipelineState(String id, String name, String createdAt) {}

  record CouplingState(String id, String pipelineId, String appId, String stage,
      String createdAt) {}

  private final List<AppState> apps = new ArrayList<>();
  private final List<PipelineState> pipelines = new ArrayList<>();
  private final List<CouplingState> couplings = new ArrayList<>();
  /** Pipeline stage config vars, by pipeline id then stage; no release is recorded for them. */
  private final Map<String, Map<String, Map<String, String>>> stageConfigs = new LinkedHashMap<>();

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  synchronized String createApp(String name) {
    if (findApp(name).isPresent()) {
      throw new IllegalArgumentException("app exists: " + name);
    }
    AppState app = new AppState(name);
    apps.add(app);
    release(app, "Initial release", app.config);
    return app.id;
  }

  synchronized Optional<AppState> findApp(String idOrName) {
    return apps.stream()
        .filter(app -> app.id.equals(idOrName) || app.name.equals(idOrName))
        .findFirst();
  }

  synchronized AppState app(String idOrName) {
    return findApp(idOrName).orElseThrow(() -> FakeError.notFound("app"));
  }

  /** Test setup: replaces the config (add-on vars stay), recording a release if it changed. */
  synchronized void setConfig(String idOrName, Map<String, String> config) {
    AppState app = app(idOrName);
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    app.config.keySet().stream()
        .filter(key -> !config.containsKey(key) && !owned(app).contains(key))
        .forEach(key -> changes.put(key, Optional.empty()));
    config.forEach((key, value) -> {
      if (!value.equals(app.config.get(key))) {
        changes.put(key, Optional.of(value));
      }
    });
    if (!changes.isEmpty()) {
      app.config = merged(app.config, changes);
      release(app, describe(changes), app.config);
    }
  }

  synchronized void addRelease(String idOrName, String description) {
    AppState app = app(idOrName);
    release(app, description, app.config);
  }

  synchronized void attachAddon(String idOrName, String addonName, Map<String, String> vars) {
    AppState app = app(idOrName);
    String attachment = attachmentName(addonName, vars);
    app.addons.add(new AddonState(UUID.randomUUID().toString(), addonName,
        UUID.randomUUID().toString(), attachment, List.copyOf(vars.keySet()), now()));
    Map<String, String> config = new LinkedHashMap<>(app.config);
    config.putAll(vars);
    app.config = config;
    release(app, "Attach " + attachment + " (@ref:" + addonName + ")", app.config);
  }

  /** DATABASE_URL → DATABASE, as Heroku names attachments; else the add-on name upper-cased. */
  private static String attachmentName(String addonName, Map<String, String> vars) {
    String first = vars.keySet().stream().findFirst().orElse("");
    int underscore = first.lastIndexOf('_');
    return underscore > 0 ? first.substring(0, underscore)
        : addonName.toUpperCase(java.util.Locale.ROOT).replaceAll("\\W", "_");
  }

  /**
   * PATCH semantics: reject add-on-owned keys and oversize configs with nothing applied, else
   * merge, delete nulls and record one release. Returns the whole resulting config.
   */
  synchronized Map<String, String> patch(String idOrName, Map<String, Optional<String>> changes) {
    AppState app = app(idOrName);
    List<String> owned = changes.keySet().stream().filter(owned(app)::contains).toList();
    if (!owned.isEmpty()) {
      throw FakeError.invalidParams(
          "Cannot overwrite attachment values " + String.join(", ", owned) + ".");
    }
    Map<String, String> next = merged(app.config, changes);
    int size = next.entrySet().stream()
        .mapToInt(e -> bytes(e.getKey()) + bytes(e.getValue())).sum();
    if (size > CONFIG_LIMIT_BYTES) {
      throw FakeError.invalidParams("Config vars exceed the limit of 32kb per app.");
    }
    if (!changes.isEmpty()) {
      app.config = next;
      release(app, describe(changes), next);
    }
    return new LinkedHashMap<>(app.config);
  }

  synchronized Map<String, String> config(String idOrName) {
    return new LinkedHashMap<>(app(idOrName).config);
  }

  synchronized List<ReleaseState> releases(String idOrName) {
    return List.copyOf(app(idOrName).releases);
  }

  synchronized List<AddonState> addons(String idOrName) {
    return List.copyOf(app(idOrName).addons);
  }

  synchronized String createPipeline(String name) {
    String id = UUID.randomUUID().toString();
    pipelines.add(new PipelineState(id, name, now()));
    return id;
  }

  synchronized Optional<PipelineState> findPipeline(String idOrName) {
    return pipelines.stream()
        .filter(p -> p.id().equals(idOrName) || p.name().equals(idOrName))
        .findFirst();
  }

  synchronized List<PipelineState> pipelines() {
    return List.copyOf(pipelines);
  }

  synchronized void couple(String pipeline, String app, String stage) {
    PipelineState p = findPipeline(pipeline).orElseThrow(() -> FakeError.notFound("pipeline"));
    couplings.add(
        new CouplingState(UUID.randomUUID().toString(), p.id(), app(app).id, stage, now()));
  }

  /** The stage's config vars; the schema takes the pipeline UUID, never its name. */
  synchronized Map<String, String> stageConfig(String pipelineId, String stage) {
    return new LinkedHashMap<>(stageVars(pipelineId, stage));
  }

  synchronized Map<String, String> patchStageConfig(String pipelineId, String stage,
      Map<String, Optional<String>> changes) {
    Map<String, String> next = merged(stageVars(pipelineId, stage), changes);
    stageConfigs.get(pipelineId).put(stage, next);
    return new LinkedHashMap<>(next);
  }

  private Map<String, String> stageVars(String pipelineId, String stage) {
    if (pipelines.stream().noneMatch(p -> p.id().equals(pipelineId))) {
      throw FakeError.notFound("pipeline");
    }
    return stageConfigs.computeIfAbsent(pipelineId, id -> new LinkedHashMap<>())
        .computeIfAbsent(stage, s -> new LinkedHashMap<>());
  }

  synchronized List<CouplingState> couplings() {
    return List.copyOf(couplings);
  }

  private static List<String> owned(AppState app) {
    return app.addons.stream().flatMap(addon -> addon.configVars().stream()).toList();
  }

  private static Map<String, String> merged(Map<String, String> config,
      Map<String, Optional<String>> changes) {
    Map<String, String> next = new LinkedHashMap<>(config);
    changes.forEach((key, value) -> {
      if (value.isPresent()) {
        next.put(key, value.get());
      } else {
        next.remove(key);
      }
    });
    return next;
  }

  /** "Set A, B config vars" / "Remove A config vars" (CLI fixtures); the mixed form is a guess. */
  static String describe(Map<String, Optional<String>> changes) {
    List<String> set = changes.keySet().stream().filter(k -> changes.get(k).isPresent()).toList();
    List<String> removed = changes.keySet().stream().filter(k -> changes.get(k).isEmpty()).toList();
    if (removed.isEmpty()) {
      return "Set " + String.join(", ", set) + " config vars";
    }
    if (set.isEmpty()) {
      return "Remove " + String.join(", ", removed) + " config vars";
    }
    return "Set " + String.join(", ", set) + " and remove " + String.join(", ", removed)
        + " config vars";
  }

  private static void release(AppState app, String description, Map<String, String> config) {
    int version = app.releases.size() + 1;
    Map<String, String> snapshot = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    app.releases.add(new ReleaseState(UUID.randomUUID().toString(), version, description,
        "succeeded", now(), snapshot));
  }

  private static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
