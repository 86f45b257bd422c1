package envshift.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.KeyRing;
import envshift.plan.AppOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FakeHerokuExtension.class)
class PushServiceTest {
  @TempDir Path repo;
  private FakeHeroku heroku;
  private final List<String> converted = new ArrayList<>();
  private int clientsBuilt;

  @BeforeEach
  void start(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/staging.env"), "API_HOST=api.example.org\nDEBUG=0\n");
    Files.writeString(repo.resolve("configs/production.env"), "API_HOST=example.org\n");
  }


  private PushService service(String manifest) throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), manifest);
    Workspace workspace = new Workspace(repo, k -> KeyRing.builder().build());
    return new PushService(workspace, () -> {
      clientsBuilt++;
      return heroku.client();
    }, 4, (LoadedEnvironment l) -> converted.add(l.environment().name()));
  }

  private static final String TWO_APPS = """
      version: 1
      environments:
        staging:
          sources: [configs/staging.env]
          heroku: {app: payroll-staging}
        production:
          sources: [configs/production.env]
          heroku: {app: payroll-production}
      """;

  @Test
  void planConvertsEachEnvironmentOnceAndPlansEachAppOnce() throws IOException {
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    heroku.setConfig("payroll-production", Map.of("API_HOST", "example.org"));

    LivePlan live = service(TWO_APPS).plan(List.of("staging", "production", "staging"), false);

    assertThat(converted).containsExactly("staging", "production");
    assertThat(live.planned()).extracting(p -> p.plan().app())
        .containsExactly("payroll-staging", "payroll-production");
    assertThat(live.plan().apps().get(0).hasChanges()).isTrue();
    assertThat(live.plan().apps().get(1).hasChanges()).isFalse();
  }

  @Test
  void anAppThatCannotBeReadIsAFailedOutcomeNotAnException() throws IOException {
    heroku.createApp("payroll-staging");

    LivePlan live = service(TWO_APPS).plan(List.of(), false);

    assertThat(live.planned()).hasSize(1);
    assertThat(live.unreadable()).singleElement()
        .satisfies(o -> assertThat(o.app()).isEqualTo("payroll-production"));
  }

  @Test
  void applyWritesTheChangedAppsAndReportsTheUnreadableOnesAsFailed() throws IOException {
    heroku.createApp("payroll-staging");
    PushService push = service(TWO_APPS);

    List<AppOutcome> outcomes = push.apply(push.plan(List.of(), false), Optional.empty(), o -> { });

    assertThat(outcomes).extracting(AppOutcome::app, AppOutcome::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple("payroll-staging", AppOutcome.Status.APPLIED),
        org.assertj.core.groups.Tuple.tuple("payroll-production", AppOutcome.Status.FAILED));
    assertThat(heroku.config("payroll-staging"))
        .containsEntry("API_HOST", "api.example.org").containsEntry("DEBUG", "0");
    assertThat(heroku.count("PATCH", "/apps/")).isEqualTo(1);
  }

  @Test
  void aBadSourceFailsBeforeTheApiClientIsEvenBuilt() throws IOException {
    Files.writeString(repo.resolve("configs/production.py"), "API_HOST = (\n");
    PushService push = service(TWO_APPS.replace("configs/production.env", "configs/production.py"));

    assertThatThrownBy(() -> push.plan(List.of(), false)).isInstanceOf(EnvshiftException.class);
    assertThat(clientsBuilt).isZero();
    assertThat(heroku.requests()).isEmpty();
  }

  @Test
  void pruneOnAnEnvironmentWithoutSourcesIsRefusedBeforeAnyRequest() throws IOException {
    PushService push = service("""
        version: 1
        environments:
          staging:
            sources: []
            heroku: {app: payroll-staging}
        """);

    assertThatThrownBy(() -> push.plan(List.of(), true))
        .isInstanceOf(EnvshiftException.class)
        .hasMessageContaining("--prune would delete every variable, refusing");
    assertThat(heroku.requests()).isEmpty();
  }
}
