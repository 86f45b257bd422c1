package envshift.cli;

import static envshift.access.OffboardFixtures.DEV;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One migration told across every command, as a lead would run it on the django-blackbox fixture
 * (a git checkout): apply → rotate → plan → offboard (rekey, access) → cleanup → plan → drift →
 * restore. Each step's answer is checked, and no step prints the canary secret or the token, nor
 * leaves either in a file under the home (backups are encrypted).
 */
@ExtendWith(FakeHerokuExtension.class)
class MigrationStoryTest {
  private static final String STAGING = "payroll-staging";
  private static final String STAGING_PY = "configs/settings_deployment.staging.py.gpg";
  private static final String PRODUCTION_PY = "configs/settings_deployment.production.py.gpg";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  @Test
  void fromApplyToOffboardingAndCleanupNothingLeaksAndEveryStepAgrees(FakeHeroku heroku)
      throws IOException {
    PushWorld world = new PushWorld(home, heroku);
    heroku.createApp(STAGING);
    heroku.createApp("payroll-production");
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    RepoCopy.git(repo, "init", "--quiet");
    RepoCopy.git(repo, "add", "--all");
    RepoCopy.git(repo, "commit", "--quiet", "-m", "legacy");
    Step step = new Step(world, repo);

    assertThat(step.run("apply", "--yes", "--backup-dir", home.resolve("backups").toString())
        .out()).contains("Apply: 2 applied");
    String leaked = heroku.config(STAGING).get("DJANGO_SECRET_KEY");

    Cli.Result rotate = step.run("rotate", "DJANGO_SECRET_KEY", "--env", "staging", "--yes",
        "--backup-dir", home.resolve("backups").toString());
    assertThat(rotate.out()).contains("rotated DJANGO_SECRET_KEY on payroll-staging");
    assertThat(heroku.config(STAGING).get("DJANGO_SECRET_KEY")).isNotEqualTo(leaked);
    assertThat(step.run("plan", "--detailed-exitcode").code()).isZero();

    Cli.Result rekey = step.run("rekey", STAGING_PY, PRODUCTION_PY, "--remove-recipient", DEV);
    assertThat(rekey.out()).contains("removed " + DEV + " from recipients");
    RepoCopy.git(repo, "commit", "--quiet", "-am", "offboard dev");
    Cli.Result access = step.run("access", "--key", DEV, "--json");
    JsonNode files = JSON.readTree(access.out()).path("files");
    assertThat(files).extracting(f -> f.path("path").asText())
        .contains(STAGING_PY, PRODUCTION_PY);
    JsonNode staging = file(files, STAGING_PY);
    assertThat(staging.path("readable_now").asBoolean()).as("rekeyed without dev").isFalse();
    assertThat(staging.path("unchanged").toString()).as("the list to rotate")
        .contains("\"EMAIL_HOST_PASSWORD\"")
        .doesNotContain("\"DJANGO_SECRET_KEY\"");  // rotated on staging: live: says so
    assertThat(file(files, PRODUCTION_PY).path("unchanged").toString())
        .contains("\"DJANGO_SECRET_KEY\"");  // production's was never rotated
    assertThat(file(files, "scripts/after_install.sh.gpg").path("readable_now").asBoolean())
        .as("not rekeyed: dev still reads it").isTrue();

    Cli.Result cleanup = step.run("cleanup", "--yes");
    assertThat(cleanup.out()).contains("removed " + STAGING_PY + " (git rm)");
    assertThat(step.run("plan", "--detailed-exitcode").code()).isZero();
    Cli.Result drift = step.run("drift", "--env", "staging", "--against-source", "--json");
    assertThat(drift.out()).contains("\"kind\":\"live\"");

    // the backup rotate took of the config it replaced (the one apply took is of an empty app)
    Path backup = home.resolve(rotate.out().lines()
        .filter(l -> l.startsWith("backup of the previous config: ")).findFirst().orElseThrow()
        .substring("backup of the previous config: ".length()));
    Cli.Result restore = step.run("restore", backup.toString(), "--app", STAGING, "--yes",
        "--no-backup");
    assertThat(restore.out()).contains("payroll-staging");
    assertThat(heroku.config(STAGING).get("DJANGO_SECRET_KEY"))
        .as("the backup taken before the rotation holds the old value").isEqualTo(leaked);
  }

  private static JsonNode file(JsonNode files, String path) {
    for (JsonNode f : files) {
      if (f.path("path").asText().equals(path)) return f;
    }
    throw new AssertionError(path + " not in the access report");
  }

  /** Runs a step in the repo with the deploy key and the fake; checks it succeeded and leaked not. */
  private record Step(PushWorld world, Path repo) {
    Cli.Result run(String... args) {
      List<String> all = new ArrayList<>(Arrays.asList(args));
      if (!args[0].equals("restore")) all.addAll(List.of("--repo", repo.toString()));
      all.addAll(List.of("--secret-key", PushWorld.DEPLOY_KEY));
      boolean api = !List.of("rekey", "access").contains(args[0]);
      Cli.Result r = api ? world.run(world.cli().cwd(repo), all.toArray(String[]::new))
          : world.cli().cwd(repo).run(all.toArray(String[]::new));
      world.assertClean(r);
      assertThat(r.code()).as(String.join(" ", args) + "\n" + r.both()).isIn(0, 2);
      return r;
    }
  }
}
