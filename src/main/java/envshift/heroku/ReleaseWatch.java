package envshift.heroku;

import envshift.EnvshiftException;
import java.util.OptionalInt;

/**
 * Finds the release a write makes: {@link HerokuClient#watchReleases} reads the app's newest
 * version before the write, {@link #created} reads what appeared above it after. Neither throws an
 * API failure: a release that cannot be looked up never undoes or blocks a write, it is reported
 * as unknown instead (and a rejected token still stops the write itself, at its PATCH).
 */
public final class ReleaseWatch {
  private final HerokuClient client;
  private final String app;
  private final OptionalInt before;
  private final String failure;

  private ReleaseWatch(HerokuClient client, String app, OptionalInt before, String failure) {
    this.client = client;
    this.app = app;
    this.before = before;
    this.failure = failure;
  }

  static ReleaseWatch start(HerokuClient client, String app) {
    try {
      return new ReleaseWatch(client, app, OptionalInt.of(client.newestReleaseVersion(app)), "");
    } catch (EnvshiftException e) {
      return new ReleaseWatch(client, app, OptionalInt.empty(), e.getMessage());
    }
  }

  /** The newest version before the write, unless it could not be read. */
  public OptionalInt before() {
    return before;
  }

  /** Reads the releases above the one seen before (one request); call it after the write. */
  public NewRelease created() {
    if (before.isEmpty()) {
      return NewRelease.unknown(failure); // without a starting point no release is provably ours
    }
    try {
      return NewRelease.between(before.getAsInt(),
          client.releasesAfter(app, before.getAsInt()));
    } catch (EnvshiftException e) {
      return NewRelease.unknown(e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "ReleaseWatch[" + app + ", before " + (before.isPresent() ? "v" + before.getAsInt()
        : "unknown") + "]";
  }
}
