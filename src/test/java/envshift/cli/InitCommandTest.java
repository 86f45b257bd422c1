package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestLoader;
import envshift.manifest.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code envshift init} on copies of the fixture repos with their envshift.yml deleted: the draft
 * loads, finds the environments and sources the hand-written manifests have, takes its recipients
 * from blackbox-admins.txt, works with no key at all (it never decrypts) and never overwrites a
 * manifest without --force.
 */
class InitCommandTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"django-blackbox", "dotenv-envs", "flask-symmetric"})
  void draftLoadsWithTheFixtureEnvironmentsAndSourcesWithoutAnyKey(String name) throws IOException {
    Path repo = repoWithoutManifest(name);
    List<String> before = TestRepos.files(repo);

    Cli.Result r = cli().run("init", "--repo", repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).as("no 'needs editing' warning").isEmpty();
    assertThat(r.out()).endsWith("wrote envshift.yml: review it, then run `envshift show`\n");
    List<String> after = new ArrayList<>(before);
    after.add("envshift.yml");
    assertThat(TestRepos.files(repo)).containsExactlyInAnyOrderElementsOf(after);
    Manifest drafted = ManifestLoader.load(repo);
    Manifest handWritten = ManifestLoader.load(Cli.FIXTURES.resolve("repos/" + name));
    assertThat(sources(drafted)).isEqualTo(sources(handWritten));
    assertThat(Files.readString(repo.resolve("envshift.yml"))).doesNotContain(CANARY);
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"django-blackbox/keyrings/live", "dotenv-envs/.blackbox"})
  void recipientsComeFromBlackboxAdmins(String adminsDir) throws IOException {
    String name = adminsDir.substring(0, adminsDir.indexOf('/'));
    Path repo = repoWithoutManifest(name);
    List<String> admins =
        Files.readAllLines(Cli.FIXTURES.resolve("repos/" + adminsDir + "/blackbox-admins.txt"));

    Cli.Result r = cli().run("init", "--repo", repo.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(ManifestLoader.load(repo).recipients()).isEqualTo(admins);
  }

  @Test
  void theDraftIsGoodEnoughForShow() {
    Path repo = repoWithoutManifest("django-blackbox");
    cli().run("init", "--repo", repo.toString());

    Cli.Result r =
        cli()
            .run(
                "show",
                "--repo",
                repo.toString(),
                "--secret-key",
                Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("staging (", "production (", "development (");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void anExistingManifestIsNeverOverwrittenWithoutForce() throws IOException {
    Path repo = TestRepos.copy("django-blackbox", tmp);
    Path manifest = repo.resolve("envshift.yml");
    String reviewed = Files.readString(manifest);

    Cli.Result refused = cli().run("init", "--repo", repo.toString());

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.errLines())
        .containsExactly("envshift: envshift.yml already exists; use --force to overwrite");
    assertThat(manifest).hasContent(reviewed);

    Cli.Result forced = cli().run("init", "--repo", repo.toString(), "--force");

    assertThat(forced.code()).as(forced.err()).isZero();
    assertThat(Files.readString(manifest)).startsWith("# envshift.yml drafted by `envshift init`");
  }

  @Test
  void initTakesNoKeysAtAll() {
    Path repo = repoWithoutManifest("django-blackbox");

    Cli.Result r =
        cli()
            .run(
                "init",
                "--repo",
                repo.toString(),
                "--secret-key",
                Cli.fixture("keys/deploy-rsa.asc"));

    assertThat(r.code()).isEqualTo(64);
    assertThat(repo.resolve("envshift.yml")).doesNotExist();
  }

  @Test
  void aRepoWithNothingToMigrateGetsADraftAndAWarningThatItNeedsEditing() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(repo.resolve("README.md"), "# nothing here\n");

    Cli.Result r = cli().run("init", "--repo", repo.toString());

    assertThat(r.code()).isZero();
    assertThat(repo.resolve("envshift.yml")).exists();
    assertThat(r.errLines())
        .singleElement()
        .asString()
        .startsWith("envshift: warning: the draft needs editing before it loads: envshift.yml:");
  }

  private Path repoWithoutManifest(String name) {
    Path repo = TestRepos.copy(name, tmp);
    try {
      Files.delete(repo.resolve("envshift.yml"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return repo;
  }

  /** Environment name to its source paths, in order. */
  private static Map<String, List<String>> sources(Manifest manifest) {
    Map<String, List<String>> all = new LinkedHashMap<>();
    for (Environment env : manifest.environments()) {
      all.put(env.name(), env.sources().stream().map(Source::path).toList());
    }
    return all;
  }

  private Cli cli() {
    return new Cli(tmp.resolve("home"));
  }
}
