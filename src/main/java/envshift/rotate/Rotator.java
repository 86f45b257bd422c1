package envshift.rotate;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.heroku.HerokuClient;
import envshift.heroku.PatchResult;
import envshift.heroku.ReleaseWatch;
import envshift.plan.Generators;
import envshift.plan.Verification;
import envshift.push.BackupStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rotates config vars of one app the way apply writes, holding the app's write lock (shared with
 * apply and restore, and other envshift runs on this machine): check, re-read, encrypted backup,
 * exactly one PATCH for all the names, verify against the config the PATCH returned. When
 * verification fails the previous values are PATCHed back (one more release) so the app is never
 * left with a value nobody knows.
 */
public final class Rotator {
  private final HerokuClient client;
  private final Optional<BackupStore> backups;

  public Rotator(HerokuClient client, Optional<BackupStore> backups) {
    this.client = client;
    this.backups = backups;
  }

  /**
   * A new value for each name, from {@code spec} or else the default for the name; each call draws
   * afresh, so two calls never share a value.
   */
  public static Map<String, Secret> generate(List<String> names, Optional<String> spec,
      SecureRandom rng) {
    Map<String, Secret> values = new LinkedHashMap<>();
    for (String name : names) {
      values.put(name, Generators.generate(spec.orElse(Generators.defaultFor(name)), rng));
    }
    return values;
  }

  /** Reads the live config and add-on owned names; refuses owned and unset names. */
  public Prepared prepare(String env, String app, List<String> names) {
    RotationPolicy.checkNames(names);
    Map<String, Secret> live = client.configVars(app);
    Map<String, String> owned = client.addonOwnedVars(app);
    RotationPolicy.checkLive(env, app, names, live, owned);
    return new Prepared(env, app, names, live);
  }

  /** Sends {@code newValues} (one value per prepared name) in one PATCH and verifies it. */
  public Rotated rotate(Prepared prepared, Map<String, Secret> newValues) {
    if (!newValues.keySet().equals(Set.copyOf(prepared.names()))) {
      throw new IllegalArgumentException("new values do not match the prepared names");
    }
    try (HerokuClient.AppLock lock = client.lockApp(prepared.app())) {
      return rotateLocked(prepared, newValues);
    }
  }

  /** The re-check, backup, PATCH, verification (and restore), under the app's write lock. */
  private Rotated rotateLocked(Prepared prepared, Map<String, Secret> newValues) {
    String app = prepared.app();
    Map<String, Secret> now = client.configVars(app);
    if (!now.equals(prepared.live())) {
      throw new RotationException(app + ": config changed on Heroku since it was read; nothing "
          + "written (run again)");
    }
    Optional<Path> backup = backups.map(b -> b.save(app, now));
    ReleaseWatch releases = client.watchReleases(app);
    Map<String, Optional<Secret>> patch = new TreeMap<>();
    newValues.forEach((name, value) -> patch.put(name, Optional.of(value)));
    PatchResult result = client.patchConfigVars(app, patch, releases);
    List<String> wrong = Verification.mismatches(patch, result.config());
    if (!wrong.isEmpty()) {
      throw restore(prepared, wrong, backup);
    }
    return new Rotated(prepared.env(), app, List.copyOf(patch.keySet()), releases.created(),
        backup);
  }

  /** PATCHes the previous values of every rotated name back; the exception says how that went. */
  private RotationException restore(Prepared p, List<String> wrong, Optional<Path> backup) {
    Map<String, Optional<Secret>> previous = new TreeMap<>();
    p.names().forEach(name -> previous.put(name, Optional.of(p.live().get(name))));
    String failed = p.app() + ": verification failed for " + String.join(", ", wrong);
    String saved = backup.map(b -> "; backup at " + b).orElse("");
    String byHand = backup.map(b -> "; restore it with `envshift restore " + b + " --app "
        + p.app() + "`").orElse("");
    try {
      ReleaseWatch releases = client.watchReleases(p.app());
      PatchResult back = client.patchConfigVars(p.app(), previous, releases);
      List<String> still = Verification.mismatches(previous, back.config());
      if (still.isEmpty()) {
        return new RotationException(failed + "; restored the previous values of "
            + String.join(", ", previous.keySet()) + " (" + releases.created().describe() + ")"
            + saved);
      }
      return new RotationException(failed + "; restoring the previous values failed for "
          + String.join(", ", still) + byHand);
    } catch (EnvshiftException e) {
      return new RotationException(failed + "; restoring the previous values failed ("
          + e.getMessage() + ")" + byHand, e);
    }
  }
}
