package envshift.mapping;

import envshift.Origin;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The names Heroku reserves ({@code HEROKU_*}, {@code __*}), checked only for environments that
 * push to a Heroku app: a development .env may hold them. Every offending name is reported at
 * once, so one run tells the user the whole fix.
 */
public final class HerokuNames {
  private HerokuNames() {}

  /** Throws a MappingException, starting at the first offender's file:line, naming them all. */
  public static void check(String envName, EnvSet vars) {
    List<EnvVar> reserved = vars.vars().values().stream()
        .filter(v -> EnvVar.herokuProblem(v.name()).isPresent())
        .toList();
    if (reserved.isEmpty()) return;
    Origin first = reserved.get(0).origin();
    String names = reserved.stream()
        .map(v -> v.name() + " (" + v.origin() + ")")
        .collect(Collectors.joining(", "));
    throw new MappingException(first, "environment " + envName + " pushes to Heroku, which "
        + "reserves HEROKU_* and __* names: " + names + "; rename or drop them in envshift.yml");
  }
}
