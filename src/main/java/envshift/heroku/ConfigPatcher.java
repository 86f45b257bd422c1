package envshift.heroku;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import envshift.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * PATCH /apps/{app}/config-vars exactly once in effect. Every PATCH makes a release and restarts
 * the app, so a PATCH whose outcome is unknown (sent, then a reset, timeout or 5xx) is not blindly
 * resent: the config is re-read and, if it already holds every change, the PATCH is taken as
 * applied. Only a change that is verifiably absent is sent again. This is the re-GET-and-compare
 * the Heroku CLI's config:edit does, applied to retries.
 */
final class ConfigPatcher {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final Transport transport;
  private final Responses responses;
  private final int maxAttempts;
  private final Sleeper sleeper;
  private final Backoff backoff = Backoff.standard();

  ConfigPatcher(Transport transport, Responses responses, int maxAttempts, Sleeper sleeper) {
    this.transport = transport;
    this.responses = responses;
    this.maxAttempts = maxAttempts;
    this.sleeper = sleeper;
  }

  /** Either the config the PATCH returned, or why its outcome is unknown. */
  private record Outcome(Optional<Map<String, Secret>> config, String reason) {}

  PatchResult patch(String app, Map<String, Optional<Secret>> changes) {
    Subject subject = Subject.app(app);
    byte[] body = body(changes);
    String reason = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Outcome outcome = sendOnce(subject, body);
      if (outcome.config().isPresent()) {
        return new PatchResult(outcome.config().get(), false);
      }
      reason = outcome.reason();
      Map<String, Secret> now = reread(subject, reason);
      if (applied(now, changes)) {
        return new PatchResult(now, true);
      }
      if (attempt < maxAttempts) {
        pause(subject, backoff.delay(attempt));
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
    } catch (CallTimeout timeout) {
      return new Outcome(Optional.empty(), timeout.reason()); // sent: it may have landed
    } catch (IOException e) {
      NetworkFailure failure = Transport.find(e);
      if (failure == null || !failure.sent()) {
        throw transport.unreachable(subject, e); // never reached the server: nothing happened
      }
      return new Outcome(Optional.empty(), ApiErrors.reason(failure));
    }
    if (reply.ok()) {
      Map<String, Secret> config = responses.config(subject, transport.parse(subject, reply));
      return new Outcome(Optional.of(config), "");
    }
    if (reply.status() >= 500) {
      return new Outcome(Optional.empty(), "HTTP " + reply.status());
    }
    throw transport.errors().fromConfigWrite(subject, reply.status(), reply.body(),
        reply.requestId());
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

  private void pause(Subject subject, java.time.Duration delay) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transport.unreachable(subject, new InterruptedIOException("interrupted"));
    }
  }
}
