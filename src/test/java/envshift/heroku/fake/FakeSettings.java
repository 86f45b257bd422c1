package envshift.heroku.fake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The fake's knobs; volatile because tests set them while server threads read them. */
final class FakeSettings {
  private volatile String token = FakeHeroku.DEFAULT_TOKEN;
  private volatile int pageSize = RangePage.DEFAULT_MAX;
  private volatile int rateLimitRemaining = 4500;
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean ignoreRangeOrder;
  private final Map<String, Queue<String>> patchOverrides = new ConcurrentHashMap<>();

  String token() {
    return token;
  }

  void token(String token) {
    this.token = token;
  }

  int pageSize() {
    return pageSize;
  }

  void pageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize < 1");
    }
    this.pageSize = pageSize;
  }

  int rateLimitRemaining() {
    return rateLimitRemaining;
  }

  void rateLimitRemaining(int remaining) {
    this.rateLimitRemaining = remaining;
  }

  Duration latency() {
    return latency;
  }

  void latency(Duration latency) {
    this.latency = latency;
  }

  boolean ignoreRangeOrder() {
    return ignoreRangeOrder;
  }

  void ignoreRangeOrder(boolean ignore) {
    this.ignoreRangeOrder = ignore;
  }

  void overrideNextPatch(String name, String storedValue) {
    patchOverrides.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add(storedValue);
  }

  /** The value to store instead of the one a PATCH sent for {@code name}, once. */
  Optional<String> takePatchOverride(String name) {
    Queue<String> queued = patchOverrides.get(name);
    return Optional.ofNullable(queued == null ? null : queued.poll());
  }
}
