package envshift.rotate;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.manifest.Environment;
import envshift.manifest.HerokuTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What rotate refuses, before anything is written: production without an explicit opt-in, names
 * that are not config var names, vars an add-on owns (the add-on rotates those itself) and vars
 * that are not set (rotating one that does not exist yet is almost always a typo).
 */
public final class RotationPolicy {
  // Not EnvVar.nameProblem: HEROKU_ names are add-on vars here, refused with the add-on's hint.
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> PRODUCTION_NAMES = Set.of("production", "prod");

  private RotationPolicy() {}

  /** Refuses an environment without an app, and production (by name or stage) unless allowed. */
  public static void checkEnvironment(Environment env, boolean allowed) {
    if (env.heroku().isEmpty()) {
      throw EnvshiftException.usage("environment " + env.name() + " has no heroku target");
    }
    if (allowed) return;
    if (PRODUCTION_NAMES.contains(env.name().toLowerCase(Locale.ROOT))) {
      throw new RotationException("refusing to rotate secrets of environment " + env.name()
          + " without --allow-production");
    }
    if (env.heroku().orElse(null) instanceof HerokuTarget.PipelineStage ps
        && ps.stage().equals("production")) {
      throw new RotationException("refusing to rotate secrets of environment " + env.name()
          + ", the production stage of pipeline " + ps.pipeline() + ", without --allow-production");
    }
  }

  /** Usage errors for names that cannot be config vars or are given twice. */
  public static void checkNames(List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (!NAME.matcher(name).matches()) {
        throw EnvshiftException.usage("cannot rotate " + name
            + ": not a config var name ([A-Za-z_][A-Za-z0-9_]*)");
      }
      if (!seen.add(name)) {
        throw EnvshiftException.usage(name + " is given twice");
      }
    }
  }

  /** Refuses add-on owned and unset names, all of them in one message. */
  static void checkLive(String env, String app, List<String> names, Map<String, Secret> live,
      Map<String, String> addonOwned) {
    List<String> problems = new ArrayList<>();
    for (String name : names) {
      String addon = addonOwned.get(name);
      if (addon != null) {
        problems.add(name + " is owned by add-on " + addon + ": " + addonHint(app, name, addon));
      } else if (!live.containsKey(name)) {
        problems.add(name + " is not set on " + app + " (rotate replaces existing values only; "
            + "check the name, or set it first with envshift apply)");
      }
    }
    if (!problems.isEmpty()) {
      throw new RotationException("environment " + env + ": nothing rotated: "
          + String.join("; ", problems));
    }
  }

  /** Where the add-on's own credential rotation lives; it updates the config var itself. */
  static String addonHint(String app, String var, String addon) {
    String a = addon.toLowerCase(Locale.ROOT);
    if (a.startsWith("postgresql-") || a.contains("heroku-postgresql")) {
      return "rotate its credentials with `heroku pg:credentials:rotate " + var + " --app " + app
          + "`";
    }
    if (a.startsWith("redis-") || a.contains("heroku-redis")) {
      return "rotate its credentials with `heroku redis:credentials " + var + " --reset --app "
          + app + "`";
    }
    return "rotate it with the add-on's own credential rotation (see `heroku addons:docs "
        + addon + "`)";
  }
}
