package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.KeyRing;
import envshift.plan.AppOutcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeHerokuExtension.class)
class RestoreTest {
  private static final String APP = "payroll-staging";
  private FakeHeroku heroku;
  private HerokuClient client;

  @BeforeEach
  void app(FakeHeroku heroku) {
    this.heroku = heroku;
    client = heroku.client();
    heroku.createApp(APP);
    heroku.setConfig(APP, Map.of("A", "1"));
    heroku.setConfig(APP, Map.of("A", "2", "B", "new"));
  }

  @Test
  void aPastReleaseIsPlannedThenWrittenAsOnePatch() {
    int before = heroku.releases(APP).size();
    RestoreSource source = RestoreSource.release(client, APP, before - 1, KeyRing.builder()
        .build());

    Restore restore = Restore.plan(client, APP, source, false);

    assertThat(restore.hasChanges()).isTrue();
    assertThat(heroku.config(APP)).containsEntry("A", "2");

    AppOutcome outcome = restore.apply(Optional.empty());

    assertThat(outcome.status()).isEqualTo(AppOutcome.Status.APPLIED);
    assertThat(heroku.config(APP)).containsEntry("A", "1").containsEntry("B", "new");
    assertThat(heroku.releases(APP)).hasSize(before + 1);
  }

  @Test
  void anAppThatCannotBeReadIsAnError() {
    RestoreSource source = RestoreSource.release(client, APP, 1, KeyRing.builder().build());

    assertThatThrownBy(() -> Restore.plan(client, "payroll-gone", source, false))
        .isInstanceOf(EnvshiftException.class).hasMessageContaining("payroll-gone");
  }
}
