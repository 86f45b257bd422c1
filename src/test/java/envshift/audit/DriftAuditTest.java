package envshift.audit;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.convert.Workspace;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.KeyRing;
import envshift.plan.DriftReport;
import envshift.plan.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(FakeHerokuExtension.class)
class DriftAuditTest {
  @TempDir Path repo;
  private FakeHeroku heroku;
  private final List<String> converted = new ArrayList<>();
  private int workspacesOpened;

  @BeforeEach
  void start(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    heroku.createApp("payroll-staging");
    heroku.createApp("payroll-production");
    heroku.setConfig("payroll-staging", Map.of("API_HOST", "api.example.org", "DEBUG", "1"));
    heroku.setConfig("payroll-production", Map.of("API_HOST", "example.org"));
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/staging.env"), "API_HOST=api.example.org\n");
    Files.writeString(repo.resolve("configs/production.env"), "API_HOST=example.com\n");
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          staging:
            sources: [configs/staging.env]
            heroku: {app: payroll-staging}
          production:
            sources: [configs/production.env]
            heroku: {app: payroll-production}
        """);
  }


  private DriftAudit audit() {
    return new DriftAudit(repo, () -> {
      workspacesOpened++;
      return new Workspace(repo, k -> KeyRing.builder().build());
    }, () -> new LiveConfigs(heroku.client(), 4),
        l -> converted.add(l.environment().name()));
  }

  @Test
  void environmentsAgainstSourceConvertEachOnceAndFindTheVarThatDiffersFromItsSource() {
    DriftReport report = audit().environments(List.of("staging", "production"), true);

    assertThat(converted).containsExactly("staging", "production");
    assertThat(report.findings()).contains(
        new Finding("API_HOST", Finding.Kind.CHANGED, List.of("production")));
    assertThat(report.findings()).filteredOn(f -> f.kind() == Finding.Kind.CHANGED)
        .noneMatch(f -> f.envs().contains("staging"));
  }

  @Test
  void namedAppsNeedNoManifestButUseItsRulesWhenThereIsOne() {
    DriftReport report = audit().apps(List.of("payroll-staging", "payroll-production"));

    assertThat(workspacesOpened).as("apps mode never converts the repo").isZero();
    assertThat(converted).isEmpty();
    assertThat(report.hasFindings()).isTrue();
  }
}
