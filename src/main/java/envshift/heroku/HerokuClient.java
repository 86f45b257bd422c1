package envshift.heroku;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.EnvshiftException;
import envshift.Secret;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The Heroku Platform API, one method per endpoint envshift uses; the only code in envshift that
 * speaks HTTP. Calls are retried (see {@link RetryInterceptor}), lists follow {@code Next-Range},
 * failures are {@link HerokuApiException}s. Thread-safe: one client may serve several apps at once.
 */
public final class HerokuClient {
  /** Add-on attachments carry {@code config_vars} only with this variant and Accept-Inclusion. */
  private static final Headers WITH_CONFIG_VARS = Headers.of(
      "Accept", "application/vnd.heroku+json; version=3.sdk",
      "Accept-Inclusion", "addon:plan,config_vars");
  private static final int MAX_PAGE = 1000;
  /**
   * How long one request may take in all, its retries and their waits included: a server that
   * drips its answer (each byte within the read timeout) would otherwise hold a run forever.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);

  /** How long a PATCH whose answer was lost is watched before it is sent again. */
  public static final Duration DEFAULT_SETTLE_WINDOW = ConfigPatcher.DEFAULT_SETTLE_WINDOW;
  /** Releases asked for per page when looking for the newest or the new ones. */
  private static final int RELEASE_PAGE = 10;
  /** The variant and range the Heroku CLI sends with POST /filters/apps. */
  private static final Headers FILTERS = Headers.of(
      "Accept", "application/vnd.heroku+json; version=3.filters",
      "Range", "id ..; max=" + MAX_PAGE + ";");

  private final String baseUrl;
  private final Transport transport;
  private final Responses responses;
  private final ConfigPatcher patcher;
  private final AppLocks locks;
  /** Told of each app config read, for progress on a terminal; never of its content. */
  private final Runnable configRead;

  private HerokuClient(String baseUrl, Transport transport, int maxAttempts, Sleeper sleeper,
      AppLocks locks, Duration settleWindow, Runnable configRead) {
    this.baseUrl = baseUrl;
    this.configRead = configRead;
    this.locks = locks;
    this.transport = transport;
    this.responses = new Responses(transport.errors());
    this.patcher = new ConfigPatcher(transport, responses, maxAttempts, sleeper,
        this::releasesAfter, settleWindow);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** GET /apps/{app}/config-vars: the whole config, in the order received. */
  public Map<String, Secret> configVars(String app) {
    Subject subject = Subject.app(app);
    Map<String, Secret> config = responses.config(subject,
        transport.get(subject, Headers.of(), "apps", app, "config-vars"));
    configRead.run();
    return config;
  }

  /**
   * PATCH /apps/{app}/config-vars: each present value is set, each empty Optional deletes the key;
   * one release. An empty map sends nothing and returns the current config.
   */
  public PatchResult patchConfigVars(String app, Map<String, Optional<Secret>> changes) {
    if (changes.isEmpty()) {
      return new PatchResult(configVars(app), false);
    }
    return patcher.patch(app, new LinkedHashMap<>(changes), OptionalInt.empty());
  }

  /**
   * As {@link #patchConfigVars(String, Map)}, with the release watch started before it: should the
   * PATCH's answer be lost, a release above the one seen before tells that something was written.
   */
  public PatchResult patchConfigVars(String app, Map<String, Optional<Secret>> changes,
      ReleaseWatch watch) {
    if (changes.isEmpty()) {
      return new PatchResult(configVars(app), false);
    }
    return patcher.patch(app, new LinkedHashMap<>(changes), watch.before());
  }

  /**
   * GET /pipelines/{pipeline_id}/stage/{stage}/config-vars: the config vars review apps
   * ({@code review}) and Heroku CI ({@code test}) start from. Per the Platform API schema
   * ("Pipeline Config Vars", {@code pipeline-config-var}) the path takes the pipeline's UUID and a
   * coupling stage, and the answer is one object of name → string.
   */
  public Map<String, Secret> stageConfigVars(Pipeline pipeline, String stage) {
    Subject subject = Subject.pipeline(pipeline.name());
    return responses.config(subject, transport.get(subject, Headers.of(),
        "pipelines", pipeline.id(), "stage", stage, "config-vars"));
  }

  /**
   * PATCH /pipelines/{pipeline_id}/stage/{stage}/config-vars (schema {@code pipeline-config-var},
   * link "Update"): each present value is set, each empty Optional is sent as null, which removes
   * the var; the answer is the whole resulting object. No release is made and nothing restarts.
   * A PATCH whose answer is lost is not resent; the caller re-reads to know where it stands.
   */
  public Map<String, Secret> patchStageConfigVars(Pipeline pipeline, String stage,
      Map<String, Optional<Secret>> changes) {
    Subject subject = Subject.pipeline(pipeline.name());
    Map<String, String> body = new LinkedHashMap<>();
    changes.forEach((name, value) -> body.put(name, value.map(Secret::reveal).orElse(null)));
    return responses.config(subject, transport.patch(subject, body,
        "pipelines", pipeline.id(), "stage", stage, "config-vars"));
  }

  /**
   * Config var name → owning add-on name, for vars that add-ons own (a PATCH may not touch them).
   * Read from the attachments (which cover add-ons billed to other apps); if they lack
   * {@code config_vars}, the app's own add-ons fill in.
   */
  public Map<String, String> addonOwnedVars(String app) {
    Subject subject = Subject.app(app);
    Map<String, String> owned = new LinkedHashMap<>();
    boolean complete = true;
    for (JsonNode attachment : transport.getList(subject, WITH_CONFIG_VARS, Optional.empty(),
        Integer.MAX_VALUE, "apps", app, "addon-attachments")) {
      JsonNode addon = attachment.path("addon");
      Optional<Iterable<JsonNode>> names =
          responses.configVarNames(attachment).or(() -> responses.configVarNames(addon));
      String owner = addon.path("name").asText(attachment.path("name").asText(""));
      names.ifPresent(list -> list.forEach(name -> owned.putIfAbsent(name.asText(), owner)));
      complete &= names.isPresent();
    }
    if (!complete) {
      for (JsonNode addon : transport.getList(subject, Headers.of(), Optional.empty(),
          Integer.MAX_VALUE, "apps", app, "addons")) {
        String owner = responses.text(subject, addon, "name");
        responses.configVarNames(addon).ifPresent(
            list -> list.forEach(name -> owned.putIfAbsent(name.asText(), owner)));
      }
    }
    return Collections.unmodifiableMap(owned);
  }

  /** Up to {@code max} releases, newest first. */
  public List<Release> releases(String app, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max < 1");
    }
    Subject subject = Subject.app(app);
    String range = "version ..; order=desc,max=" + Math.min(max, MAX_PAGE);
    List<Release> releases = new ArrayList<>();
    for (JsonNode node : transport.getList(subject, Headers.of(), Optional.of(range), max,
        "apps", app, "releases")) {
      releases.add(responses.release(subject, node));
    }
    return List.copyOf(releases);
  }

  /**
   * The first of {@link #releases}: the newest only if the server honours {@code order=desc} (as
   * the Heroku CLI assumes). For the release a write made, use {@link #watchReleases}.
   */
  public Release latestRelease(String app) {
    List<Release> latest = releases(app, 1);
    if (latest.isEmpty()) {
      throw transport.errors().plain(Subject.app(app), "the app has no releases", 0, "not_found",
          Optional.empty(), null);
    }
    return latest.get(0);
  }

  /**
   * Reads the app's newest release version now, before a write, so that {@link
   * ReleaseWatch#created} can tell the release the write made (by version) afterwards.
   */
  public ReleaseWatch watchReleases(String app) {
    return ReleaseWatch.start(this, app);
  }

  /**
   * The app's highest release version by value (0 when it has none), whatever order the server
   * sends. It asks for the newest {@value #RELEASE_PAGE} ({@code order=desc}). A page that comes
   * back descending starts with the newest, so one request does, as on Heroku. A server or proxy
   * that ignores the order sends the oldest first; a short page then still holds them all, and a
   * full one is followed by a read of everything above its highest version (ascending, following
   * Next-Range to the end): more requests on a long history, but the newest is never missed, as it
   * would be with {@code max=1}.
   */
  int newestReleaseVersion(String app) {
    Subject subject = Subject.app(app);
    List<Release> page = releaseList(subject, app,
        "version ..; order=desc,max=" + RELEASE_PAGE, RELEASE_PAGE);
    int newest = highest(page, 0);
    if (page.size() < RELEASE_PAGE || descending(page)) {
      return newest;
    }
    return highest(releaseList(subject, app, "version ]" + newest + "..; max=" + MAX_PAGE,
        Integer.MAX_VALUE), newest);
  }

  /**
   * Every release above {@code version}, as sent: {@code Range: version ]N..} asks for just those
   * (normally one page, one request), Next-Range is followed to the end, and callers filter by
   * value, so a server that ignores the range or its order costs requests, not correctness.
   */
  List<Release> releasesAfter(String app, int version) {
    return releaseList(Subject.app(app), app, "version ]" + version + "..; max=" + RELEASE_PAGE,
        Integer.MAX_VALUE);
  }

  private List<Release> releaseList(Subject subject, String app, String range, int limit) {
    List<Release> releases = new ArrayList<>();
    for (JsonNode node : transport.getList(subject, Headers.of(), Optional.of(range), limit,
        "apps", app, "releases")) {
      releases.add(responses.release(subject, node));
    }
    return releases;
  }

  private static int highest(List<Release> releases, int floor) {
    return releases.stream().mapToInt(Release::version).reduce(floor, Math::max);
  }

  private static boolean descending(List<Release> releases) {
    for (int i = 1; i < releases.size(); i++) {
      if (releases.get(i).version() >= releases.get(i - 1).version()) {
        return false;
      }
    }
    return true;
  }

  /** GET /apps/{app}/releases/{version}/config-vars: the config as it was in that release. */
  public Map<String, Secret> releaseConfigVars(String app, int version) {
    Subject subject = Subject.app(app);
    return responses.config(subject, transport.get(subject, Headers.of(),
        "apps", app, "releases", Integer.toString(version), "config-vars"));
  }

  public App app(String idOrName) {
    Subject subject = Subject.app(idOrName);
    return responses.app(subject, transport.get(subject, Headers.of(), "apps", idOrName));
  }

  public Pipeline pipeline(String idOrName) {
    Subject subject = Subject.pipeline(idOrName);
    return responses.pipeline(subject,
        transport.get(subject, Headers.of(), "pipelines", idOrName));
  }

  /** The pipeline's apps and stages; couplings carry only app ids, so each app is looked up. */
  public List<Coupling> pipelineCouplings(String pipelineId) {
    return pipelineCouplingIds(pipelineId).stream()
        .map(c -> new Coupling(c.stage(), app(c.appId())))
        .toList();
  }

  /** The pipeline's couplings as sent: stage and app id, no app looked up (one list request). */
  public List<CoupledApp> pipelineCouplingIds(String pipelineId) {
    Subject subject = Subject.pipeline(pipelineId);
    List<CoupledApp> couplings = new ArrayList<>();
    for (JsonNode node : transport.getList(subject, Headers.of(), Optional.empty(),
        Integer.MAX_VALUE, "pipelines", pipelineId, "pipeline-couplings")) {
      couplings.add(new CoupledApp(responses.couplingStage(subject, node),
          responses.couplingAppId(subject, node)));
    }
    return List.copyOf(couplings);
  }

  /**
   * POST /filters/apps: the apps with these ids, one request per {@value #MAX_PAGE} ids (as the
   * Heroku CLI's pipelines:info names a pipeline's apps). Ids the API does not return are left
   * out; the endpoint's schema stability is "development", so callers should fall back to
   * {@link #app} for what is missing.
   */
  public List<App> appsById(List<String> ids) {
    Subject subject = Subject.account();
    List<App> apps = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += MAX_PAGE) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_PAGE));
      JsonNode body = transport.post(subject, FILTERS, Map.of("in", Map.of("id", chunk)),
          "filters", "apps");
      if (!body.isArray()) {
        throw transport.errors().badResponse(subject, "expected a JSON list", Optional.empty(),
            null);
      }
      body.forEach(node -> apps.add(responses.app(subject, node)));
    }
    return List.copyOf(apps);
  }

  /** A held per-app write lock; closing releases it (and never throws). */
  @FunctionalInterface
  public interface AppLock extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes the app's write lock, shared with the other envshift runs on this machine, waiting for
   * it up to the lock wait; hold it from the re-check to the verification of a write. An
   * {@link EnvshiftException} says who holds it when the wait ran out.
   */
  public AppLock lockApp(String app) {
    return locks.acquire(app);
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String toString() {
    return "HerokuClient[" + baseUrl + "]";
  }

  /** Builds a client; {@link #token} is required, everything else has a default. */
  public static final class Builder {
    private String baseUrl = ApiEndpoint.DEFAULT_URL;
    private char[] token = new char[0];
    private String userAgentVersion = "dev";
    private Sleeper sleeper = Sleeper.system();
    private int maxAttempts = 4;
    private Optional<PrintWriter> debugLog = Optional.empty();
    private Optional<OkHttpClient> httpClient = Optional.empty();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private Duration settleWindow = DEFAULT_SETTLE_WINDOW;
    private Optional<Path> lockDir = Optional.empty();
    private Duration lockWait = AppLocks.DEFAULT_WAIT;
    private Runnable configRead = () -> { };

    private Builder() {}

    /** Called after each app's config was read (progress); it is given nothing of the config. */
    public Builder onConfigRead(Runnable configRead) {
      this.configRead = Objects.requireNonNull(configRead, "configRead == null");
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
      return this;
    }

    public Builder token(char[] token) {
      this.token = Objects.requireNonNull(token, "token == null").clone();
      return this;
    }

    public Builder token(String token) {
      return token(Objects.requireNonNull(token, "token == null").toCharArray());
    }

    /** Sent as {@code User-Agent: envshift/<version>}. */
    public Builder userAgentVersion(String version) {
      this.userAgentVersion = Objects.requireNonNull(version, "version == null");
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /** Attempts per request, first one included (default 4). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts < 1");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Where to write one redacted line per HTTP attempt (--debug). */
    public Builder debugLog(Optional<PrintWriter> debugLog) {
      this.debugLog = Objects.requireNonNull(debugLog, "debugLog == null");
      return this;
    }

    /**
     * The machine's folder of per-app lock files ({@code $XDG_STATE_HOME/envshift/locks}); without
     * one, writes are serialised only within this process.
     */
    public Builder lockDir(Path dir) {
      this.lockDir = Optional.of(Objects.requireNonNull(dir, "dir == null"));
      return this;
    }

    /** How long a write waits for another run's lock on its app (default 5 minutes). */
    public Builder lockWait(Duration wait) {
      Objects.requireNonNull(wait, "wait == null");
      if (wait.isNegative()) {
        throw new IllegalArgumentException("wait < 0");
      }
      this.lockWait = wait;
      return this;
    }

    /** The bound on one request, retries included (default {@link #DEFAULT_CALL_TIMEOUT}). */
    /**
     * How long a PATCH whose answer was lost is watched (config and releases re-read) before it
     * is taken as not landed and sent again; zero re-reads once.
     */
    public Builder settleWindow(Duration settleWindow) {
      Objects.requireNonNull(settleWindow, "settleWindow == null");
      if (settleWindow.isNegative()) throw new IllegalArgumentException("settleWindow < 0");
      this.settleWindow = settleWindow;
      return this;
    }

    public Builder callTimeout(Duration callTimeout) {
      Objects.requireNonNull(callTimeout, "callTimeout == null");
      if (callTimeout.isNegative() || callTimeout.isZero()) {
        throw new IllegalArgumentException("callTimeout <= 0");
      }
      this.callTimeout = callTimeout;
      return this;
    }

    /** The process-wide OkHttp client to share its connection pool and threads. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Optional.of(Objects.requireNonNull(httpClient, "httpClient == null"));
      return this;
    }

    public HerokuClient build() {
      HttpUrl base = HttpUrl.parse(baseUrl);
      if (base == null) {
        throw EnvshiftException.usage("heroku: the API URL is not an http(s) URL: " + baseUrl);
      }
      String secret = new String(token);
      if (secret.isEmpty() || !secret.matches("[\\x21-\\x7e]+")) {
        throw new EnvshiftException(
            "heroku: the API token is empty or contains spaces or non-ASCII characters");
      }
      String userAgent = "envshift/" + userAgentVersion;
      OkHttpClient http = HttpStack.build(httpClient.orElseGet(HttpStack::defaultClient), secret,
          userAgent, maxAttempts, sleeper, debugLog, callTimeout);
      String url = base.toString().replaceAll("/+$", "");
      ObjectMapper json = new ObjectMapper();
      Transport transport = new Transport(http, base, json, new ApiErrors(secret, url, json));
      return new HerokuClient(url, transport, maxAttempts, sleeper,
          new AppLocks(lockDir, lockWait, url), settleWindow, configRead);
    }
  }
}
