package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.pgp.Gpg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code show --gnupg-home H} converts the fixture repos with H being each kind of GnuPG home a
 * legacy user or deploy server has, built as {@code fixtures/make-fixtures.sh} builds them: a fresh
 * {@code gpg --import} (openpgp-native), keys rewritten by gpg-agent 2.2 without the extended
 * format (sha1-aes-cbc, old S-expressions), the committed GnuPG 1.4 home (secring.gpg), and the
 * committed OCB home plus one corrupt unrelated {@code .key} file.
 */
class ShowKeyHomesAcceptanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path homes;
  @TempDir Path home;

  @BeforeAll
  static void buildHomes() throws IOException {
    byte[] exports =
        concat(
            Files.readAllBytes(Cli.FIXTURES.resolve("keys/deploy-rsa.asc")),
            Files.readAllBytes(Cli.FIXTURES.resolve("keys/dev-cv25519.asc")));
    String devPassphrase = Files.readString(Cli.FIXTURES.resolve("keys/dev-cv25519.passphrase"));
    try (Gpg nativeHome = Gpg.create(homes.resolve("native"))) {
      nativeHome.importKeys(exports);
    }
    try (Gpg cbc = Gpg.create(homes.resolve("cbc"))) {
      Files.writeString(
          cbc.home().resolve("gpg-agent.conf"),
          "disable-extended-key-format\n",
          StandardOpenOption.APPEND);
      cbc.importKeys(exports);
      byte[] text = "x\n".getBytes(StandardCharsets.UTF_8);
      // the agent rewrites an imported key in its own protection when it first uses it
      assertThat(cbc.decrypt(cbc.encrypt(text, List.of("deploy@example.org")), "").exitCode())
          .isZero();
      assertThat(
              cbc.decrypt(cbc.encrypt(text, List.of("dev@example.org")), devPassphrase)
                  .exitCode())
          .isZero();
    }
    assertThat(keyFilesText(homes.resolve("native")).contains("openpgp-native"))
        .as("gpg --import left openpgp-native")
        .isTrue();
    // the used encryption subkeys are rewritten; the unused signing keys stay openpgp-native
    assertThat(keyFilesText(homes.resolve("cbc")).contains("openpgp-s2k3-sha1-aes-cbc"))
        .as("gpg-agent wrote sha1-aes-cbc")
        .isTrue();
    TestRepos.copyTree(Cli.FIXTURES.resolve("gnupg-home"), homes.resolve("corrupt"));
    Files.writeString(
        homes.resolve("corrupt/private-keys-v1.d/00000000000000000000000000000000DEADBEEF.key"),
        "Created: 20261206T000000\nKey: (protected-private-key (rsa (n #00");
  }

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> all = new ArrayList<>();
    for (String keyHome : List.of("native", "cbc", "gnupg1", "corrupt")) {
      for (String repo : List.of("django-blackbox", "dotenv-envs", "flask-symmetric")) {
        try (Stream<Path> files = Files.list(Cli.FIXTURES.resolve("repos/" + repo + "/expected"))) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            all.add(Arguments.of(keyHome, repo, f.getFileName().toString().replace(".json", "")));
          }
        }
      }
    }
    return all.stream();
  }

  private static String homePath(String keyHome) {
    return keyHome.equals("gnupg1")
        ? Cli.fixture("gnupg1-home")
        : homes.resolve(keyHome).toString();
  }

  @ParameterizedTest(name = "{0} home: {1} {2}")
  @MethodSource("cases")
  void showWithEveryKindOfGnupgHomePrintsTheExpectedVariables(
      String keyHome, String repo, String env) throws IOException {
    Cli.Result r =
        new Cli(home)
            .run(
                "show",
                "--repo",
                Cli.fixture("repos/" + repo),
                "--env",
                env,
                "--reveal",
                "--json",
                "--gnupg-home",
                homePath(keyHome),
                "--passphrase-file",
                Cli.fixture("keys/flask.passphrase"));

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode expected =
        JSON.readTree(
            Cli.FIXTURES.resolve("repos/" + repo + "/expected/" + env + ".json").toFile());
    assertThat(JSON.readTree(r.out()).get(env)).isEqualTo(expected);
  }

  @Test
  void aHomeWithoutTheKeyNamesTheHomeAndTheKeyIdsInOneLine() {
    Cli.Result r =
        new Cli(home)
            .run(
                "decrypt",
                Cli.fixture("bad/other-key.py.gpg"),
                "--gnupg-home",
                homePath("corrupt"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err())
        .contains("other-key.py.gpg")
        .contains("encrypted to key ids ")
        .contains("GnuPG home " + homePath("corrupt"))
        .doesNotContain("00000000000000000000000000000000DEADBEEF.key") // never opened
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void aGnupg14HomeWithoutTheKeyIsSearchedToo() {
    Cli.Result r =
        new Cli(home)
            .run(
                "decrypt",
                Cli.fixture("bad/other-key.py.gpg"),
                "--gnupg-home",
                homePath("gnupg1"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("secring.gpg with 1 keys").doesNotContain("\tat ");
  }

  private static String keyFilesText(Path home) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> keys = Files.list(home.resolve("private-keys-v1.d"))) {
      for (Path key : keys.toList()) {
        text.append(Files.readString(key, StandardCharsets.ISO_8859_1));
      }
    }
    return text.toString();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
