package envshift.audit;

import envshift.Parallel;
import envshift.heroku.App;
import envshift.heroku.HerokuApiException;
import envshift.heroku.HerokuClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * App names for app ids (pipeline couplings carry ids only). One POST /filters/apps names them all,
 * as the Heroku CLI's pipelines:info does, instead of one GET per app; whatever it leaves out, or
 * everything when the API refuses the filter (its schema stability is "development"), is looked up
 * one app at a time, on the run's read pool.
 */
final class AppNames {
  private final HerokuClient client;

  AppNames(HerokuClient client) {
    this.client = client;
  }

  /** id → name for every id; a lookup that fails fails the whole. */
  Map<String, String> resolve(List<String> ids, Parallel.Pool reads) {
    Map<String, String> names = new HashMap<>();
    try {
      client.appsById(ids).forEach(app -> names.put(app.id(), app.name()));
    } catch (HerokuApiException e) {
      if (!worthFallingBack(e)) {
        throw e;
      }
    }
    List<String> missing = ids.stream().filter(id -> !names.containsKey(id)).distinct().toList();
    List<Future<App>> lookups = missing.stream().map(id -> reads.submit(() -> client.app(id)))
        .toList();
    for (int i = 0; i < missing.size(); i++) {
      names.put(missing.get(i), Parallel.get(lookups.get(i)).name());
    }
    return Map.copyOf(names);
  }

  /** A refused filter is retried app by app; a bad token, rate limit or dead network is not. */
  private static boolean worthFallingBack(HerokuApiException e) {
    return e.status() >= 400 && e.status() != 401 && e.status() != 429;
  }
}
