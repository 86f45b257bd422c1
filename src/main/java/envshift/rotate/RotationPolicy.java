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
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What rotate refuses, before anything is written: production without an explicit opt-in, names
 * that are not config var names, vars an add-on owns (the add-on rotates those itself), vars
 * that are not set (rotating one that does not exist yet is almost always a typo), and, unless
 * forced, vars it cannot rotate alone (see {@link #cannotRotateAlone}).
 */
public final class RotationPolicy {
  /**
   * Names of secrets the app itself generates and checks, so a random new value is all a rotation
   * needs. Checked first: SECRET_KEY would otherwise look like a service's secret key.
   */
  private static final List<Pattern> GENERATED = List.of(
      Pattern.compile("(DJANGO_|FLASK_)?SECRET_KEY|SECRET_KEY_BASE|(JWT|SESSION|COOKIE)_SECRET"
          + "|JWT_SECRET_KEY"),
      Pattern.compile(".*_(SIGNING_KEY|SALT|SECRET_KEY_BASE|SESSION_SECRET)"));

  /**
   * Names of credentials an external service issues and checks: a generated value would only
   * break the app, the new one must come from that service. First match gives the reason.
   */
  private static final List<Rule> ISSUED_ELSEWHERE = List.of(
      new Rule(".*_(SECRET_ACCESS_KEY|ACCESS_KEY_ID|ACCESS_KEY)",
          "an access key pair: the provider issues it (for AWS: IAM, create a new access key)"),
      new Rule("(.*_)?(API_KEY|APIKEY|API_SECRET|API_TOKEN)",
          "an API credential of an external service: that service issues the new one"),
      new Rule("(.*_)?TOKEN", "a token issued by an external service: get the new one there"),
      new Rule(".*_CLIENT_SECRET", "an OAuth client secret: the provider issues the new one"),
      new Rule("(.*_)?(PASSWORD|PASSWD|PASS)",
          "a password another system checks (database, SMTP...): change it there first"),
      new Rule("(.*_)?(URL|URI|DSN)", "a URL: a random value is not one, and the credentials in "
          + "it are issued by the service it points to"),
      new Rule(".*_PRIVATE_KEY", "a private key: its public half is registered with a service"),
      new Rule(".*_(WEBHOOK|SIGNING)_SECRET",
          "a secret shared with the service that signs its requests: it issues the new one"),
      new Rule(".*_SECRET_KEY", "a service's secret key (like STRIPE_SECRET_KEY): the service "
          + "issues the new one"));

  private record Rule(Pattern pattern, String why) {
    Rule(String regex, String why) {
      this(Pattern.compile(regex), why);
    }
  }

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

  /**
   * One line ({@code NAME: why}) per name whose new value an external service must issue, in the
   * order given. Matched on the name alone (upper-cased), so it is known before any request.
   */
  public static List<String> cannotRotateAlone(List<String> names) {
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (GENERATED.stream().anyMatch(p -> p.matcher(upper).matches())) continue;
      ISSUED_ELSEWHERE.stream().filter(r -> r.pattern().matcher(upper).matches()).findFirst()
          .ifPresent(r -> lines.add(name + ": " + r.why()));
    }
    return List.copyOf(lines);
  }

  /**
   * Refuses the names {@link #cannotRotateAlone} lists unless {@code force}; each one's line goes
   * to {@code explain} first (as a warning when forced).
   */
  public static void checkAlone(List<String> names, boolean force, Consumer<String> explain) {
    List<String> lines = cannotRotateAlone(names);
    if (lines.isEmpty()) return;
    lines.forEach(l -> explain.accept(force ? "warning: rotating anyway (--force): " + l : l));
    if (force) return;
    throw new RotationException("nothing rotated: envshift cannot rotate " + lines.size()
        + " of these alone (listed above); rotate them at their service and set the new value, "
        + "or pass --force");
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
