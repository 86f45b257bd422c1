package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code envshift dotenv --example}: every development variable name with no value, under a
 * comment naming its source file and line; plain, mode 0644, and refused where the dev .env is.
 */
class DotenvExampleTest {
  private static final String DEPLOY_KEY = Cli.fixture("keys/deploy-rsa.asc");

  @TempDir Path tmp;

  private Cli.Result example(Path repo, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("dotenv", "--example", "--repo",
        repo.toString(), "--secret-key", DEPLOY_KEY));
    args.addAll(List.of(more));
    return new Cli(tmp.resolve("home")).cwd(repo).run(args.toArray(String[]::new));
  }

  @Test
  void writesEveryNameUnderItsSourceLineAndNoValueOfTheEnvironment() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);
    Map<String, String> values = expected("dotenv-envs", "development");

    Cli.Result r = example(repo);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(
        "wrote configs/.env.example: 6 variable names, no values, mode 0644\n");
    Path written = repo.resolve("configs/.env.example");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written)))
        .isEqualTo("rw-r--r--");
    String text = Files.readString(written);
    List<String> lines = text.lines().toList();
    for (String name : values.keySet()) {
      int at = lines.indexOf(name + "=");
      assertThat(at).as(name).isPositive();
      assertThat(lines.get(at - 1)).as(name)
          .matches("# from configs/\\.env\\.development\\.gpg:\\d+");
    }
    assertThat(lines).filteredOn(l -> !l.startsWith("#")).allMatch(l -> l.endsWith("="))
        .hasSize(values.size());
    values.values().stream().filter(v -> !v.isEmpty())
        .forEach(v -> assertThat(text).as("a value").doesNotContain(v));
    assertThat(r.both()).doesNotContain(CANARY);
    assertThat(repo.resolve("configs/.env.example.gpg")).doesNotExist();
  }

  @Test
  void outNamesThePathAndThePythonSourceLinesAreNamed() throws IOException {
    Path repo = TestRepos.copy("django-blackbox", tmp);
    Map<String, String> values = expected("django-blackbox", "development");

    Cli.Result r = example(repo, "--out", "docs/env.example");

    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(repo.resolve("docs/env.example"));
    assertThat(text).contains("\n# from configs/local_settings.example.py:")
        .contains("DJANGO_SECRET_KEY=\n");
    values.values().stream().filter(v -> !v.isEmpty())
        .forEach(v -> assertThat(text).as("a value").doesNotContain(v));
  }

  @Test
  void refusesTheDevDotenvASourceTheManifestAndAnEncryptedName() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);

    for (String target : List.of("configs/.env", "configs/.env.gpg",
        "configs/.env.development.gpg", "envshift.yml", "x.env.gpg")) {
      byte[] before = Files.exists(repo.resolve(target))
          ? Files.readAllBytes(repo.resolve(target)) : null;
      Cli.Result r = example(repo, "--out", target);

      assertThat(r.code()).as(target).isEqualTo(1);
      assertThat(r.errLines()).as(target).last().asString()
          .startsWith("envshift: refusing to write " + target + ": it ");
      if (before != null) {
        assertThat(Files.readAllBytes(repo.resolve(target))).as(target).isEqualTo(before);
      } else {
        assertThat(repo.resolve(target)).as(target).doesNotExist();
      }
    }
  }

  @Test
  void plainAndForceDoNotGoWithExample() throws IOException {
    Path repo = TestRepos.copy("dotenv-envs", tmp);

    Cli.Result r = example(repo, "--plain");

    assertThat(r.code()).isEqualTo(64);
    assertThat(r.err()).contains("--example writes no value");
  }

  private static Map<String, String> expected(String repo, String env) throws IOException {
    return new ObjectMapper().readValue(
        Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile(),
        new TypeReference<LinkedHashMap<String, String>>() {});
  }
}
