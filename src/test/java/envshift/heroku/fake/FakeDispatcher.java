package envshift.heroku.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * MockWebServer calls this on its connection threads, concurrently. It applies queued faults, logs
 * each request (without Authorization), adds the response headers every Heroku answer carries and
 * the configured latency, and leaves the API itself to {@link FakeRouter}.
 */
final class FakeDispatcher extends Dispatcher {
  private record Queued(String method, String pathPrefix, Fault fault) {}

  /** A request held back by {@link Fault.ApplyLater}, handled when its countdown reaches 0. */
  private static final class Held {
    final RecordedRequest request;
    int countdown;

    Held(RecordedRequest request, int countdown) {
      this.request = request;
      this.countdown = countdown;
    }
  }

  private final FakeRouter router;
  private final FakeJson json;
  private final FakeSettings settings;
  private final List<Queued> faults = new ArrayList<>();
  private final List<Held> held = new ArrayList<>();
  private final List<FakeRequest> log = new CopyOnWriteArrayList<>();
  private volatile BiConsumer<String, String> hook = (method, path) -> { };

  FakeDispatcher(FakeRouter router, FakeJson json, FakeSettings settings) {
    this.router = router;
    this.json = json;
    this.settings = settings;
  }

  void failNext(String method, String pathPrefix, List<Fault> queued) {
    synchronized (faults) {
      queued.forEach(fault -> faults.add(new Queued(method, pathPrefix, fault)));
    }
  }

  void onRequest(BiConsumer<String, String> hook) {
    this.hook = hook;
  }

  List<FakeRequest> log() {
    return List.copyOf(log);
  }

  void clearLog() {
    log.clear();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    hook.accept(request.getMethod(), request.getUrl().encodedPath());
    handleDue();
    Fault fault = nextFault(request.getMethod(), request.getUrl().encodedPath());
    FakeRouter.Reply reply;
    if (fault instanceof Fault.Drop) {
      return drop(request);
    } else if (fault instanceof Fault.ApplyLater later) {
      synchronized (held) {
        held.add(new Held(request, later.requestsLater()));
      }
      return drop(request);
    } else if (fault instanceof Fault.Status status) {
      reply = injected(status);
    } else {
      reply = router.handle(request);
    }
    if (fault instanceof Fault.ApplyThenDrop) {
      return drop(request);
    }
    if (fault instanceof Fault.ApplyThenGarbage) {
      record(request, 200);
      return delayed(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
          .body("<html><body>upstream hiccup</body></html>"));
    }
    if (fault instanceof Fault.ApplyThenHuge) {
      record(request, 200);
      okio.Buffer body = new okio.Buffer();
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 40; i++) {
        body.write(spaces);
      }
      body.writeUtf8("{}");
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(body).build();
    }
    record(request, reply.status());
    return respond(request, reply);
  }

  /** Handles the held-back requests whose turn has come, before the request that just came. */
  private void handleDue() {
    List<RecordedRequest> due = new ArrayList<>();
    synchronized (held) {
      for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
        Held h = it.next();
        if (--h.countdown <= 0) {
          it.remove();
          due.add(h.request);
        }
      }
    }
    due.forEach(router::handle);
  }

  private Fault nextFault(String method, String path) {
    synchronized (faults) {
      for (Iterator<Queued> it = faults.iterator(); it.hasNext(); ) {
        Queued queued = it.next();
        if ((queued.method().isEmpty() || queued.method().equalsIgnoreCase(method))
            && path.startsWith(queued.pathPrefix())) {
          it.remove();
          return queued.fault();
        }
      }
      return null;
    }
  }

  private FakeRouter.Reply injected(Fault.Status status) {
    FakeError error = status.code() == 429
        ? new FakeError(429, "rate_limit", "Your account reached the API rate limit\n"
            + "Please wait a few minutes before making new requests", "")
        : new FakeError(status.code(), status.code() >= 500 ? "unavailable" : "injected",
            "Injected failure " + status.code() + ".", "");
    Map<String, String> headers = status.retryAfterSeconds()
        .map(seconds -> Map.of("Retry-After", seconds.toString()))
        .orElse(Map.of());
    return new FakeRouter.Reply(status.code(), json.error(error), headers);
  }

  private MockResponse drop(RecordedRequest request) {
    record(request, 0);
    return delayed(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()));
  }

  private MockResponse respond(RecordedRequest request, FakeRouter.Reply reply) {
    String body = reply.body().toString();
    String clientId = request.getHeaders().get("Request-Id");
    String ownId = UUID.randomUUID().toString();
    MockResponse.Builder response = new MockResponse.Builder()
        .code(reply.status())
        .addHeader("Content-Type", "application/json")
        .addHeader("Request-Id", clientId == null ? ownId : clientId + "," + ownId)
        .addHeader("RateLimit-Remaining", settings.rateLimitRemaining())
        .addHeader("RateLimit-Multiplier", "1")
        .addHeader("Cache-Control", "private, no-cache")
        .addHeader("ETag", "\"" + md5(body) + "\"")
        .body(body);
    reply.headers().forEach(response::addHeader);
    return delayed(response);
  }

  private MockResponse delayed(MockResponse.Builder response) {
    long nanos = settings.latency().toNanos();
    return (nanos > 0 ? response.headersDelay(nanos, TimeUnit.NANOSECONDS) : response).build();
  }

  private void record(RecordedRequest request, int status) {
    log.add(new FakeRequest(request.getMethod(), request.getUrl().encodedPath(),
        request.getHeaders().newBuilder().removeAll("Authorization").build(), status));
  }

  private static String md5(String body) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md5.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
