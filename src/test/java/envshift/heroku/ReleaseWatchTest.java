package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.heroku.fake.FakeRequest;
import envshift.heroku.fake.Fault;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The release a write made, told by version, on a fake that honours or ignores Range order. */
@ExtendWith(FakeHerokuExtension.class)
class ReleaseWatchTest {
  private static final String APP = "payroll-staging";
  private static final String RELEASES = "/apps/" + APP + "/releases";

  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void start(FakeHeroku heroku) {
    this.heroku = heroku;
    heroku.createApp(APP);
    heroku.setConfig(APP, Map.of("A", "0"));
    client = HerokuClient.builder().baseUrl(heroku.url()).token(FakeHeroku.DEFAULT_TOKEN)
        .sleeper(d -> { }).maxAttempts(1).build();
  }


  private void releasesUpTo(int version) {
    for (int v = heroku.releases(APP).size() + 1; v <= version; v++) {
      heroku.setConfig(APP, Map.of("A", Integer.toString(v)));
    }
  }

  private void patch() {
    client.patchConfigVars(APP, Map.of("B", Optional.of(Secret.of("new"))));
  }

  private String range(int request) {
    return heroku.requests().get(request).headers().get("Range");
  }

  @Test
  void theReleaseAPatchMadeIsReportedWhenTheListComesOldestFirst() {
    heroku.ignoreRangeOrder(true);

    ReleaseWatch watch = client.watchReleases(APP);
    patch();
    NewRelease made = watch.created();

    assertThat(watch.before()).hasValue(2);
    assertThat(made.version()).contains(3);
    assertThat(made.note()).isEmpty();
    assertThat(client.latestRelease(APP).version()).as("what max=1 would have said").isEqualTo(1);
  }

  @Test
  void onAServerThatHonoursTheOrderTheNewestCostsOneRequestAndTheNewOnesOneMore() {
    releasesUpTo(40);
    heroku.clearRequests();

    ReleaseWatch watch = client.watchReleases(APP);
    patch();
    NewRelease made = watch.created();

    assertThat(watch.before()).hasValue(40);
    assertThat(made.version()).contains(41);
    assertThat(heroku.count("GET", RELEASES)).isEqualTo(2);
    assertThat(range(0)).isEqualTo("version ..; order=desc,max=10");
    assertThat(range(2)).isEqualTo("version ]40..; max=10");
  }

  @Test
  void aLongHistoryComingOldestFirstIsReadPastTheFirstPageSoTheNewestIsNotMissed() {
    releasesUpTo(40);
    heroku.ignoreRangeOrder(true).pageSize(15);
    heroku.clearRequests();

    ReleaseWatch watch = client.watchReleases(APP);

    assertThat(watch.before()).hasValue(40);
    // The first page (v1..v10), then everything above v10: v11..v25, v26..v40.
    assertThat(heroku.requests()).extracting(FakeRequest::path).containsOnly(RELEASES)
        .hasSize(3);
    assertThat(range(1)).isEqualTo("version ]10..; max=1000");
  }

  @Test
  void aReleaseThatLandsBetweenTheReadAndThePatchMakesTwoNewOnesAndANote() {
    heroku.ignoreRangeOrder(true);

    ReleaseWatch watch = client.watchReleases(APP);
    heroku.addRelease(APP, "Deploy 0a1b2c3");
    patch();
    NewRelease made = watch.created();

    assertThat(made.version()).contains(4);
    assertThat(made.note()).contains("2 releases appeared during the write (v3, v4); v4 reported");
  }

  @Test
  void noReleaseAfterTheReadIsSaidNotReplacedByAnOldOne() {
    ReleaseWatch watch = client.watchReleases(APP);

    NewRelease made = watch.created();

    assertThat(made.release()).isEmpty();
    assertThat(made.note()).contains("no release appeared after v2 (the PATCH made none?)");
  }

  @Test
  void newReleasesPastOnePageAreAllRead() {
    heroku.pageSize(3);
    ReleaseWatch watch = client.watchReleases(APP);
    releasesUpTo(9);

    NewRelease made = watch.created();

    assertThat(made.version()).contains(9);
    assertThat(made.note()).contains("7 releases appeared during the write "
        + "(v3, v4, v5, v6, v7 and 2 more); v9 reported");
  }

  @Test
  void aListThatCannotBeReadMakesTheReleaseUnknownWithoutThrowing() {
    heroku.failNext("GET", RELEASES, Fault.status(403));
    ReleaseWatch unread = client.watchReleases(APP);
    patch();
    heroku.clearRequests();

    assertThat(unread.before()).isEmpty();
    assertThat(unread.created().note()).hasValueSatisfying(n -> assertThat(n)
        .startsWith("release version unknown (").contains("403"));
    assertThat(heroku.requests()).as("no after-read without a starting point").isEmpty();

    ReleaseWatch watch = client.watchReleases(APP);
    patch();
    heroku.failNext("GET", RELEASES, Fault.status(403));
    assertThat(watch.created().version()).isEmpty();
  }
}
