package envshift.cli;

import static envshift.access.OffboardFixtures.commit;
import static envshift.access.OffboardFixtures.git;
import static envshift.access.OffboardFixtures.write;
import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift scan} on a copy of the dotenv-envs fixture made a git repo in the test, whose
 * history once held a plaintext twin of {@code configs/.env.staging.gpg} and, in a README,
 * staging's EMAIL_HOST_PASSWORD (a value holding the canary {@code CANARY-5e2f0c1d}).
 */
@ExtendWith(FakeHerokuExtension.class)
class ScanCommandTest {
  private static final long T0 = 1_700_000_000L;
  private static final String STAGING_PASSWORD = CANARY + "-dotenv-staging";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private Path repo;
  private String leaked;
  private String removed;
  private FakeHeroku heroku;

  @BeforeEach
  void repoWhoseHistoryLeaked(FakeHeroku heroku) throws IOException {
    this.heroku = heroku;
    repo = TestRepos.copy("dotenv-envs", tmp);
    for (String f : TestRepos.files(repo.resolve("expected"))) {
      Files.delete(repo.resolve("expected").resolve(f));
    }
    Files.delete(repo.resolve("expected"));
    git(repo, "init", "--quiet");
    commit(repo, T0, "encrypted settings");
    write(repo.resolve("README.md"), utf8("# Setup\nSMTP password: " + STAGING_PASSWORD + "\n"));
    write(repo.resolve("configs/.env.staging"), utf8("# decrypted by hand, oops\nDEBUG=1\n"));
    git(repo, "add", "--force", "configs/.env.staging"); // the repo ignores it: forced, as happens
    leaked = commit(repo, T0 + 10, "docs");
    git(repo, "rm", "--quiet", "README.md", "configs/.env.staging");
    removed = commit(repo, T0 + 20, "remove the plaintext");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private Cli.Result scan(Cli cli, String... extra) {
    List<String> args = new ArrayList<>(List.of("scan", "--repo", repo.toString(),
        "--secret-key", Cli.fixture("keys/deploy-rsa.asc"),
        "--passphrase-file", Cli.fixture("keys/flask.passphrase")));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  private Cli.Result scan(String... extra) {
    return scan(new Cli(tmp.resolve("home")), extra);
  }

  private static void assertNoValue(Cli.Result r) {
    assertThat(r.out()).doesNotContain(CANARY);
    assertThat(r.err()).doesNotContain(CANARY);
  }

  @Test
  void historyReportsTheTwinAndTheReadmeNamingTheVariableWithoutItsValue() throws IOException {
    Cli.Result r = scan("--history", "--json");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertNoValue(r);
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("history").asBoolean()).isTrue();
    assertThat(r.out()).isEqualTo("{\"history\":true,\"values_searched\":"
        + report.get("values_searched").asInt() + ",\"skipped_blobs\":0,\"findings\":["
        + "{\"kind\":\"secret-value\",\"path\":\"README.md\",\"environment\":\"staging\","
        + "\"variable\":\"EMAIL_HOST_PASSWORD\",\"in_tree\":false,\"first_commit\":\"" + leaked
        + "\",\"last_commit\":\"" + leaked + "\",\"live\":\"unknown\"},"
        + "{\"kind\":\"plaintext-twin\",\"path\":\"configs/.env.staging\",\"environment\":null,"
        + "\"variable\":null,\"in_tree\":false,\"first_commit\":\"" + leaked
        + "\",\"last_commit\":\"" + leaked + "\",\"live\":\"n/a\"}],"
        + "\"notes\":[\"live state unknown: the apps were not read (no Heroku API token, or"
        + " --no-live)\"]}\n");
    assertThat(removed).isNotEqualTo(leaked);
  }

  @Test
  void theTextReportNamesPathsVariablesAndCommitsButNoValue() {
    Cli.Result r = scan("--history");

    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertNoValue(r);
    String c = leaked.substring(0, 12);
    assertThat(r.out()).contains(
        "README.md: value of EMAIL_HOST_PASSWORD (staging), live: unknown [commits " + c + "]\n",
        "configs/.env.staging: plaintext twin of an encrypted file [commits " + c + "]\n",
        "2 finding(s) (1 twin(s), 1 value(s)) in the tree and all history;");
  }

  @Test
  void withoutHistoryOnlyTheTrackedFilesAreReadAndTheyAreClean() {
    Cli.Result r = scan();

    assertThat(r.code()).as(r.err()).isZero();
    assertNoValue(r);
    assertThat(r.out()).contains("0 finding(s) (0 twin(s), 0 value(s)) in the tracked files;");
  }

  @Test
  void aValueStillOnTheStagingAppIsLiveAndARotatedOneIsNot() throws IOException {
    write(repo.resolve("ops/notes.txt"), utf8("staging smtp: " + STAGING_PASSWORD + "\n"));
    git(repo, "add", "ops/notes.txt");
    heroku.createPipeline("asset-dashboard");
    couple("asset-staging", "staging", Map.of("EMAIL_HOST_PASSWORD", STAGING_PASSWORD));
    couple("asset-production", "production", Map.of());
    Cli cli = new Cli(tmp.resolve("home")).env("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN);

    Cli.Result live = scan(cli, "--api-url", heroku.url());
    heroku.setConfig("asset-staging", Map.of("EMAIL_HOST_PASSWORD", "rotated-0123456789"));
    Cli.Result rotated = scan(cli, "--api-url", heroku.url(), "--json");

    assertThat(live.code()).as(live.err()).isEqualTo(2);
    assertThat(live.out()).contains(
        "ops/notes.txt: value of EMAIL_HOST_PASSWORD (staging), live: yes [tracked now]\n");
    assertThat(rotated.out()).contains("\"path\":\"ops/notes.txt\",\"environment\":\"staging\","
        + "\"variable\":\"EMAIL_HOST_PASSWORD\",\"in_tree\":true,\"first_commit\":null,"
        + "\"last_commit\":null,\"live\":\"no\"");
    assertNoValue(live);
    assertNoValue(rotated);
  }

  @Test
  void aFolderThatIsNoCheckoutIsOneLineAndExitOne() throws IOException {
    Path plain = TestRepos.copy("dotenv-envs", tmp.resolve("plain"));

    Cli.Result r = new Cli(tmp.resolve("home")).run("scan", "--repo", plain.toString(),
        "--secret-key", Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).isOne();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("is not in a git checkout");
    assertNoValue(r);
  }

  private void couple(String app, String stage, Map<String, String> config) {
    heroku.createApp(app);
    heroku.setConfig(app, config);
    heroku.couple("asset-dashboard", app, stage);
  }
}
