package envshift.cli;

import static envshift.cli.Cli.CANARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --allow-no-mdc}, on the shared key options: a message without integrity protection
 * (fixtures/bad/no-mdc.py.gpg) is refused without it, naming the opt-in, and decrypted with it,
 * never silently: one warning line naming the file.
 */
class AllowNoMdcTest {
  private static final String FILE = "no-mdc.py.gpg";
  private static final String WARNING =
      "envshift: warning: " + FILE + ": not integrity protected (no MDC); decrypted because of"
          + " --allow-no-mdc";

  @TempDir Path tmp;

  private Cli cli() {
    return new Cli(tmp.resolve("home"));
  }

  private static String[] withPassphrase(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--passphrase-file", Cli.fixture("keys/flask.passphrase")));
    return all.toArray(String[]::new);
  }

  private Path work() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("work"));
    Files.copy(Cli.FIXTURES.resolve("bad/" + FILE), work.resolve(FILE));
    return work;
  }

  @Test
  void withoutTheOptInDecryptRefusesAndNamesIt() throws IOException {
    Cli.Result r = cli().cwd(work()).run(withPassphrase("decrypt", FILE));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("envshift: " + FILE + ": not integrity protected (no MDC)")
        .contains("--allow-no-mdc");
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void decryptWithTheOptInWritesThePlaintextAndOneWarningNamingTheFile() throws IOException {
    Path work = work();

    Cli.Result r =
        cli().cwd(work).run(withPassphrase("decrypt", FILE, "--allow-no-mdc", "-o", "out.py"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).hasSize(2);
    assertThat(r.errLines().get(0)).startsWith(WARNING);
    assertThat(r.errLines().get(1)).contains("decrypted " + FILE + " to out.py").contains("SED");
    assertThat(Files.readString(work.resolve("out.py"))).contains(CANARY);
    assertThat(r.both()).doesNotContain(CANARY);
  }

  @Test
  void quietHidesTheWarningButCountsIt() throws IOException {
    Path work = work();

    Cli.Result r = cli().cwd(work)
        .run(withPassphrase("decrypt", FILE, "--allow-no-mdc", "--quiet", "-o", "out.py"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("warning: " + FILE);
    assertThat(r.errLines()).last().isEqualTo("envshift: 1 warning hidden (--quiet)");
  }

  @Test
  void showWithTheOptInGivesTheVariablesAndTheWarning() {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/" + FILE, "");

    Cli.Result r =
        cli().run(withPassphrase("show", "--repo", repo.toString(), "--allow-no-mdc", "--reveal"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.errLines()).filteredOn(line -> line.contains("no MDC")).singleElement()
        .asString().startsWith(WARNING);
    assertThat(r.out()).contains("EMAIL_HOST_PASSWORD").contains(CANARY);
  }

  @Test
  void showWithoutTheOptInFailsWithOneLineNamingIt() {
    Path repo = TestRepos.withSource(tmp.resolve("repo"), "bad/" + FILE, "");

    Cli.Result r = cli().run(withPassphrase("show", "--repo", repo.toString(), "--reveal"));

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.errLines()).singleElement().asString()
        .startsWith("envshift: " + FILE + ": not integrity protected")
        .contains("--allow-no-mdc");
    assertThat(r.err()).doesNotContain("\tat ");
    assertThat(r.both()).doesNotContain(CANARY);
  }
}
