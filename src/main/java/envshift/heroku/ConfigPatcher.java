package envshift.heroku;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * PATCH /apps/{app}/config-vars exactly once in effect. Every PATCH makes a release and restarts
 * the app, so a PATCH whose outcome is unknown (sent, then a reset, a timeout or a 5xx) is not
 * blindly resent: a slow API may still be working on it after the client gave up. The config is
 * re-read over a settle window ({@link #DEFAULT_SETTLE_WINDOW} unless set); if it comes to hold every change, the PATCH is taken as
 * applied. Only when it never did, and no release appeared above the one seen before the PATCH
 * (the release watch's), is the change sent again; a release that appeared without the change
 * means another writer, and nothing is resent. A 2xx with an unreadable body was accepted: it is
 * re-read the same way but never resent. This is the Heroku CLI's config:edit re-GET-and-compare,
 * applied to retries.
 */
final class ConfigPatcher {
  /** How long a lost PATCH is given to land before it may be sent again. */
  static final Duration DEFAULT_SETTLE_WINDOW = Duration.ofSeconds(60);
  /** The waits between re-reads within the window; the last one repeats. */
  private static final List<Duration> SETTLE_STEPS = List.of(Duration.ofSeconds(1),
      Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15));
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** Reads the releases above a version ({@link HerokuClient#releasesAfter}). */
  @FunctionalInterface
  interface ReleasesAfter {
    List<Release> read(String app, int version);
  }

  private final Transport transport;
  private final Responses responses;
  private final int maxAttempts;
  private final Sleeper sleeper;
  private final ReleasesAfter releasesAfter;
  private final Duration settleWindow;

  ConfigPatcher(Transport transport, Responses responses, int maxAttempts, Sleeper sleeper,
      ReleasesAfter releasesAfter, Duration settleWindow) {
    this.settleWindow = settleWindow;
    this.transport = transport;
    this.responses = responses;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
    this.releasesAfter = releasesAfter;
  }

  /**
   * Either the config the PATCH returned, or why its outcome is unknown; {@code accepted} when
   * the server answered 2xx but the body could not be read.
   */
  private record Outcome(Optional<Map<String, Secret>> config, String reason, boolean accepted) {}

  /** What re-reading over the window found. */
  private enum Landed { YES, NO, OTHER_RELEASE }

  private record Settled(Landed landed, Map<String, Secret> config, String release) {}

  /**
   * @param releaseBefore the app's newest release version before the PATCH, when known
   */
  PatchResult patch(String app, Map<String, Optional<Secret>> changes,
      OptionalInt releaseBefore) {
    Subject subject = Subject.app(app);
    byte[] body = body(changes);
    String reason = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Outcome outcome = sendOnce(subject, body);
      if (outcome.config().isPresent()) {
        return new PatchResult(outcome.config().get(), false);
      }
      reason = outcome.reason();
      Settled settled = settle(subject, changes, releaseBefore, reason);
      if (settled.landed() == Landed.YES) {
        return new PatchResult(settled.config(), true, Optional.of(reason
            + "; the config re-read holds every change, so it was not sent again"));
      }
      if (outcome.accepted() || settled.landed() == Landed.OTHER_RELEASE) {
        String why = outcome.accepted() ? "Heroku accepted it but the config re-read does not "
            + "hold every change" : settled.release() + " appeared meanwhile but the config does"
            + " not hold every change";
        throw transport.errors().plain(subject, "the config-vars update may or may not have "
            + "been applied (" + reason + "); " + why + ": not sent again, plan and apply again",
            0, "unknown_outcome", Optional.empty(), null);
      }
    }
    throw transport.errors().plain(subject, String.format(
        "the config-vars update failed after %d attempts and was not applied (%s)",
        maxAttempts, reason), 0, "not_applied", Optional.empty(), null);
  }

  /** True when {@code config} holds every set value and lacks every deleted key. */
  static boolean applied(Map<String, Secret> config, Map<String, Optional<Secret>> changes) {
    return changes.entrySet().stream().allMatch(change -> change.getValue()
        .map(value -> config.containsKey(change.getKey())
            && config.get(change.getKey()).sameAs(value))
        .orElse(!config.containsKey(change.getKey())));
  }

  private Outcome sendOnce(Subject subject, byte[] body) {
    Request.Builder request = new Request.Builder()
        .url(transport.url("apps", subject.name(), "config-vars"))
        .patch(RequestBody.create(body, JSON));
    Transport.Reply reply;
    try {
      reply = transport.exchange(request);
    } catch (ResponseTooLarge tooLarge) {
      // it reached the server, which answered: whether the change landed is for re-reading
      return new Outcome(Optional.empty(), "Heroku's answer (" + tooLarge.status()
          + ") was too large to read", tooLarge.status() / 100 == 2);
    } catch (CallTimeout timeout) {
      NetworkFailure failure = Transport.find(timeout);
      if (failure != null && !failure.sent()) {
        throw transport.unreachable(subject, timeout); // cut off while connecting: nothing sent
      }
      return new Outcome(Optional.empty(), timeout.reason(), false); // it may have landed
    } catch (IOException e) {
      NetworkFailure failure = Transport.find(e);
      if (failure == null || !failure.sent()) {
        throw transport.unreachable(subject, e); // never reached the server: nothing happened
      }
      return new Outcome(Optional.empty(), ApiErrors.reason(failure), false);
    }
    if (reply.ok()) {
      try {
        Map<String, Secret> config = responses.config(subject, transport.parse(subject, reply));
        return new Outcome(Optional.of(config), "", false);
      } catch (HerokuApiException unreadable) {
        return new Outcome(Optional.empty(), "Heroku's answer (" + reply.status()
            + ") was unreadable", true);
      }
    }
    if (reply.status() >= 500) {
      return new Outcome(Optional.empty(), "HTTP " + reply.status(), false);
    }
    throw transport.errors().fromConfigWrite(subject, reply.status(), reply.body(),
        reply.requestId());
  }

  /**
   * Re-reads the config until it holds every change or the window has been waited out; then
   * reads the releases above {@code before} to tell "nothing landed" from "another writer".
   */
  private Settled settle(Subject subject, Map<String, Optional<Secret>> changes,
      OptionalInt before, String reason) {
    Duration waited = Duration.ZERO;
    for (int step = 0; ; step++) {
      Map<String, Secret> now = reread(subject, reason);
      if (applied(now, changes)) {
        return new Settled(Landed.YES, now, "");
      }
      if (waited.compareTo(settleWindow) >= 0) {
        return newRelease(subject, before, reason)
            .map(r -> new Settled(Landed.OTHER_RELEASE, now, "release v" + r.version()))
            .orElse(new Settled(Landed.NO, now, ""));
      }
      Duration delay = SETTLE_STEPS.get(Math.min(step, SETTLE_STEPS.size() - 1));
      pause(subject, delay);
      waited = waited.plus(delay);
    }
  }

  /** The first release above {@code before}, if any; empty when {@code before} is unknown. */
  private Optional<Release> newRelease(Subject subject, OptionalInt before, String reason) {
    if (before.isEmpty()) {
      return Optional.empty();
    }
    try {
      return releasesAfter.read(subject.name(), before.getAsInt()).stream()
          .filter(r -> r.version() > before.getAsInt()).findFirst();
    } catch (HerokuApiException e) {
      throw transport.errors().plain(subject, "the config-vars update may or may not have been "
          + "applied (" + reason + ") and reading the releases failed: "
          + ApiErrors.detail(subject, e.getMessage()), e.status(), e.id(), e.requestId(), e);
    }
  }

  private Map<String, Secret> reread(Subject subject, String reason) {
    try {
      return responses.config(subject,
          transport.get(subject, okhttp3.Headers.of(), "apps", subject.name(), "config-vars"));
    } catch (HerokuApiException e) {
      String detail = ApiErrors.detail(subject, e.getMessage());
      throw transport.errors().plain(subject, "the config-vars update may or may not have been "
          + "applied (" + reason + ") and re-reading the config failed: " + detail,
          e.status(), e.id(), e.requestId(), e);
    }
  }

  private byte[] body(Map<String, Optional<Secret>> changes) {
    ObjectNode node = transport.json().createObjectNode();
    changes.forEach((key, value) -> {
      if (value.isPresent()) {
        node.put(key, value.get().reveal());
      } else {
        node.putNull(key);
      }
    });
    try {
      return transport.json().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise config vars", null); // never the values
    }
  }

  private void pause(Subject subject, Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transport.unreachable(subject, new InterruptedIOException("interrupted"));
    }
  }
}
