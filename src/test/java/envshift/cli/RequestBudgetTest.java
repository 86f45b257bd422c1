package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request budget of issue 3, read from the fake's request log over several apps: a changed
 * app costs at most 6 requests (config, add-ons, the re-check, the newest release beside it, the
 * PATCH, the new release: issue 8) and exactly one release; an unchanged app costs 2 and none.
 */
@ExtendWith(FakeHerokuExtension.class)
class RequestBudgetTest {
  @TempDir Path home;
  private PushWorld world;
  private Path repo;

  @BeforeEach
  void setUp(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    repo = PushWorld.plainRepo(home.resolve("repo"), Map.of(
        "app-fresh", Map.of("A", "1", "B", "2"),
        "app-drifted", Map.of("A", "1", "B", "new"),
        "app-same", Map.of("A", "1"),
        "app-same-too", Map.of("A", "1", "B", "2")));
    world.heroku.createApp("app-fresh");
    world.heroku.createApp("app-drifted");
    world.heroku.setConfig("app-drifted", Map.of("A", "1", "B", "old"));
    world.heroku.attachAddon("app-drifted", "postgresql-shaped-1", Map.of("DATABASE_URL", "x"));
    world.heroku.createApp("app-same");
    world.heroku.setConfig("app-same", Map.of("A", "1"));
    world.heroku.createApp("app-same-too");
    world.heroku.setConfig("app-same-too", Map.of("A", "1", "B", "2"));
    world.heroku.clearRequests();
  }

  @Test
  void aChangedAppCostsSixRequestsAndOneReleaseAnUnchangedOneTwoAndNone() {
    Map<String, Integer> releasesBefore = releases();

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(requests("app-fresh")).containsExactlyInAnyOrder(
        "GET config-vars", "GET addon-attachments", "GET config-vars", "GET releases",
        "PATCH config-vars", "GET releases");
    assertThat(requests("app-drifted")).hasSize(6);
    assertThat(requests("app-same")).containsExactlyInAnyOrder(
        "GET config-vars", "GET addon-attachments");
    assertThat(requests("app-same-too")).hasSize(2);
    assertThat(world.heroku.requests()).hasSize(16);
    assertThat(releases()).containsEntry("app-fresh", releasesBefore.get("app-fresh") + 1)
        .containsEntry("app-drifted", releasesBefore.get("app-drifted") + 1)
        .containsEntry("app-same", releasesBefore.get("app-same"))
        .containsEntry("app-same-too", releasesBefore.get("app-same-too"));
  }

  @Test
  void reapplyingCostsTwoRequestsPerAppAndNoRelease() {
    assertThat(world.apply(repo.toString()).code()).isZero();
    Map<String, Integer> releasesBefore = releases();
    world.heroku.clearRequests();

    Cli.Result r = world.apply(repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(world.heroku.requests()).hasSize(8)
        .extracting(FakeRequest::method).containsOnly("GET");
    assertThat(releases()).isEqualTo(releasesBefore);
  }

  /** "METHOD last-segment" of each request about {@code app}. */
  private List<String> requests(String app) {
    return world.heroku.requests().stream()
        .filter(q -> q.path().startsWith("/apps/" + app + "/"))
        .map(q -> q.method() + " " + q.path().substring(q.path().lastIndexOf('/') + 1))
        .toList();
  }

  private Map<String, Integer> releases() {
    return Map.of("app-fresh", count("app-fresh"), "app-drifted", count("app-drifted"),
        "app-same", count("app-same"), "app-same-too", count("app-same-too"));
  }

  private int count(String app) {
    return world.heroku.releases(app).size();
  }
}
