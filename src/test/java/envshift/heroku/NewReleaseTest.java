package envshift.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NewReleaseTest {
  private static Release v(int version) {
    return new Release(version, "Set A config vars", "succeeded", "2026-12-06T12:00:00Z");
  }

  @Test
  void theOneReleaseAboveTheOldNewestIsReportedWhateverItsPositionInTheList() {
    NewRelease made = NewRelease.between(2, List.of(v(1), v(2), v(3)));

    assertThat(made.version()).contains(3);
    assertThat(made.release()).contains(v(3));
    assertThat(made.note()).isEmpty();
    assertThat(made.describe()).isEqualTo("release v3");
  }

  @Test
  void severalNewReleasesReportTheHighestByValueAndSaySo() {
    NewRelease made = NewRelease.between(2, List.of(v(4), v(1), v(3), v(3)));

    assertThat(made.version()).contains(4);
    assertThat(made.note()).contains("2 releases appeared during the write (v3, v4); v4 reported");
    assertThat(made.describe())
        .isEqualTo("release v4; 2 releases appeared during the write (v3, v4); v4 reported");
  }

  @Test
  void manyNewReleasesNameTheFirstFiveAndCountTheRest() {
    List<Release> after = IntStream.rangeClosed(1, 12).mapToObj(NewReleaseTest::v).toList();

    NewRelease made = NewRelease.between(4, after);

    assertThat(made.version()).contains(12);
    assertThat(made.note()).contains("8 releases appeared during the write "
        + "(v5, v6, v7, v8, v9 and 3 more); v12 reported");
  }

  @Test
  void noNewReleaseReportsNoneRatherThanAnOlderOne() {
    NewRelease made = NewRelease.between(3, List.of(v(3), v(2), v(1)));

    assertThat(made.release()).isEmpty();
    assertThat(made.note()).contains("no release appeared after v3 (the PATCH made none?)");
    assertThat(made.describe()).startsWith("release unknown; no release appeared after v3");
  }

  @Test
  void anUnknownReleaseCarriesTheReasonAndNoVersion() {
    NewRelease made = NewRelease.unknown("heroku: HTTP 503");

    assertThat(made.version()).isEmpty();
    assertThat(made.describe()).isEqualTo("release unknown; release version unknown (heroku: "
        + "HTTP 503)");
  }
}
