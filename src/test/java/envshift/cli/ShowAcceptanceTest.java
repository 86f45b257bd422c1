package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conversion acceptance test: for every fixture repo and environment, {@code show --reveal
 * --json} prints exactly the expected variables — with the exported key files, and again with the
 * GnuPG home.
 */
class ShowAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;

  static Stream<Arguments> environments() throws IOException {
    List<Arguments> all = new ArrayList<>();
    try (Stream<Path> repos = Files.list(Cli.FIXTURES.resolve("repos"))) {
      for (Path repo : repos.sorted().toList()) {
        try (Stream<Path> files = Files.list(repo.resolve("expected"))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            String env = f.getFileName().toString().replace(".json", "");
            all.add(Arguments.of(repo.getFileName().toString(), env, "key files"));
            all.add(Arguments.of(repo.getFileName().toString(), env, "gnupg home"));
          }
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1} with {2}")
  @MethodSource("environments")
  void showRevealJsonPrintsExactlyTheExpectedVariables(String repo, String env, String keys)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "show",
                "--repo",
                Cli.fixture("repos/" + repo),
                "--env",
                env,
                "--reveal",
                "--json"));
    if (keys.equals("key files")) {
      args.addAll(List.of("--secret-key", Cli.fixture("keys/deploy-rsa.asc")));
    } else {
      args.addAll(List.of("--gnupg-home", Cli.fixture("gnupg-home")));
    }
    // Symmetric fixtures need the passphrase; it is harmless for the others.
    args.addAll(List.of("--passphrase-file", Cli.fixture("keys/flask.passphrase")));

    Cli.Result r = new Cli(home).run(args.toArray(String[]::new));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode expected =
        JSON.readTree(
            Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile());
    JsonNode actual = JSON.readTree(r.out());
    assertThat(actual.fieldNames().next()).isEqualTo(env);
    assertThat(names(actual.get(env))).containsExactlyElementsOf(names(expected));
    assertThat(actual.get(env)).isEqualTo(expected);
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names.add(it.next());
    return names;
  }
}
