package envshift.heroku.fake;

import envshift.heroku.Release;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;

/**
 * A stateful fake of the Heroku Platform API on 127.0.0.1, for tests and benchmarks: apps with
 * config vars, a release per config change (config kept per release), add-ons owning vars,
 * pipelines, couplings and pipeline stage config vars (no release), Range pagination, auth, Accept
 * checking, injectable faults and a request log. Behaviour follows heroku-platform-api.md §10;
 * thread-safe, so concurrent clients may use it.
 * Tests take one from {@link FakeHerokuExtension}; benchmarks start their own:
 *
 * <pre>{@code
 * try (FakeHeroku heroku = new FakeHeroku().start()) {
 *   heroku.createApp("payroll-staging");
 *   HerokuClient client = HerokuClient.builder().baseUrl(heroku.url())
 *       .token(FakeHeroku.DEFAULT_TOKEN).build();
 * }
 * }</pre>
 */
public final class FakeHeroku implements AutoCloseable {
  /** The token the fake accepts until {@link #token(String)} changes it. */
  public static final String DEFAULT_TOKEN = "HRKU-00000000-fake-4000-8000-000000000000";
  public static final String ACCOUNT_EMAIL = "dev@example.com";

  // MockWebServer logs every request at INFO; kept in a field so the level sticks (JUL holds
  // loggers weakly).
  private final Logger serverLog = Logger.getLogger(MockWebServer.class.getName());
  private final FakeState state = new FakeState();
  private final FakeSettings settings = new FakeSettings();
  private final FakeDispatcher dispatcher;
  private final MockWebServer server = new MockWebServer();

  public FakeHeroku() {
    FakeJson json = new FakeJson();
    dispatcher = new FakeDispatcher(new FakeRouter(state, json, settings), json, settings);
    server.setDispatcher(dispatcher);
    server.setServerSocketFactory(new NoDelaySockets());
    serverLog.setLevel(Level.WARNING);
  }

  /** Starts listening on an ephemeral port of 127.0.0.1. */
  public FakeHeroku start() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:50123}, for {@code --api-url} or HEROKU_HOST. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * A client of this fake with {@link #DEFAULT_TOKEN} and no real waits between retries: what
   * most tests of the API side need.
   */
  public envshift.heroku.HerokuClient client() {
    return envshift.heroku.HerokuClient.builder().baseUrl(url()).token(DEFAULT_TOKEN)
        .sleeper(d -> { }).build();
  }

  public FakeHeroku token(String token) {
    settings.token(token);
    return this;
  }

  /** The server's page size cap for every list (a client's smaller {@code max} still wins). */
  public FakeHeroku pageSize(int pageSize) {
    settings.pageSize(pageSize);
    return this;
  }

  /**
   * When on, lists ignore a Range's {@code order=desc} and come oldest first, as a misbehaving
   * proxy would; the rest of the Range (field, bounds, max, Next-Range) is still honoured.
   */
  public FakeHeroku ignoreRangeOrder(boolean ignore) {
    settings.ignoreRangeOrder(ignore);
    return this;
  }

  /** Added before every response (also dropped ones). */
  public FakeHeroku latency(Duration latency) {
    settings.latency(latency);
    return this;
  }

  /** The RateLimit-Remaining header value (default 4500). */
  public FakeHeroku rateLimitRemaining(int remaining) {
    settings.rateLimitRemaining(remaining);
    return this;
  }

  /** Creates an app with release v1 "Initial release"; returns its id. */
  public String createApp(String name) {
    return state.createApp(name);
  }

  /** Replaces the app's config (add-on-owned vars stay), recording a release if it changed. */
  public void setConfig(String app, Map<String, String> config) {
    state.setConfig(app, config);
  }

  public Map<String, String> config(String app) {
    return state.config(app);
  }

  /**
   * Records a release that leaves the config as it is, as a deploy by someone else would (e.g.
   * from an {@link #onRequest} hook, to land one between a client's reads).
   */
  public void addRelease(String app, String description) {
    state.addRelease(app, description);
  }

  /** Attaches an add-on whose vars join the config and can no longer be PATCHed. */
  public void attachAddon(String app, String addonName, Map<String, String> ownedVars) {
    state.attachAddon(app, addonName, ownedVars);
  }

  /** Creates a pipeline; returns its id. */
  public String createPipeline(String name) {
    return state.createPipeline(name);
  }

  /** Couples an app (id or name) to a pipeline (id or name) in a stage. */
  public void couple(String pipeline, String app, String stage) {
    state.couple(pipeline, app, stage);
  }

  /** The pipeline (id or name) stage's config vars, as review apps and Heroku CI read them. */
  public Map<String, String> stageConfig(String pipeline, String stage) {
    return state.stageConfig(pipelineId(pipeline), stage);
  }

  /** Sets stage config vars (a null-free map; each given name is set). */
  public void setStageConfig(String pipeline, String stage, Map<String, String> config) {
    Map<String, Optional<String>> changes = new LinkedHashMap<>();
    config.forEach((name, value) -> changes.put(name, Optional.of(value)));
    state.patchStageConfig(pipelineId(pipeline), stage, changes);
  }

  private String pipelineId(String pipeline) {
    return state.findPipeline(pipeline)
        .orElseThrow(() -> new IllegalArgumentException("no pipeline " + pipeline)).id();
  }

  /** The app's releases, oldest first. */
  public List<Release> releases(String app) {
    return state.releases(app).stream()
        .map(r -> new Release(r.version(), r.description(), r.status(), r.createdAt()))
        .toList();
  }

  /** The config as of release {@code version}. */
  public Map<String, String> releaseConfig(String app, int version) {
    return state.releases(app).stream().filter(r -> r.version() == version).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no release v" + version))
        .config();
  }

  /**
   * The next PATCH that sets {@code name} stores {@code storedValue} instead of the value sent, as
   * if another writer raced it: the PATCH succeeds but its response shows the other value. Calls
   * queue up: the second applies to the second such PATCH.
   */
  public void overrideNextPatch(String name, String storedValue) {
    settings.overrideNextPatch(name, storedValue);
  }

  /** Each fault applies to one upcoming request, in order. */
  public void failNext(Fault... faults) {
    dispatcher.failNext("", "", Arrays.asList(faults));
  }

  /** Each fault applies to one upcoming request with this method (e.g. "PATCH"), in order. */
  public void failNext(String method, Fault... faults) {
    dispatcher.failNext(method, "", Arrays.asList(faults));
  }

  /**
   * Each fault applies to one upcoming request with this method whose path starts with {@code
   * pathPrefix} (e.g. {@code /apps/app-2/}), in order; other requests pass.
   */
  public void failNext(String method, String pathPrefix, Fault... faults) {
    dispatcher.failNext(method, pathPrefix, Arrays.asList(faults));
  }

  /**
   * Calls {@code hook} with the method and path of every request before it is handled (on the
   * server's thread), e.g. to change an app's config at an exact moment; replaces any earlier hook.
   */
  public void onRequest(BiConsumer<String, String> hook) {
    dispatcher.onRequest(hook);
  }

  /** Every request received so far, in arrival order. */
  public List<FakeRequest> requests() {
    return dispatcher.log();
  }

  public void clearRequests() {
    dispatcher.clearLog();
  }

  /** How many requests had this method and a path starting with {@code pathPrefix}. */
  public int count(String method, String pathPrefix) {
    return (int) requests().stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  @Override
  public String toString() {
    return "FakeHeroku[" + (server.getStarted() ? url() : "not started") + "]";
  }
}
