package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.Gpg;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code envshift pull}: the live config as a .env on stdout, in a 0600 file, or encrypted. */
@ExtendWith(FakeHerokuExtension.class)
class PullCommandTest {
  private static final String APP = "payroll-staging";
  private static final Map<String, String> LIVE = new LinkedHashMap<>();

  static {
    LIVE.put("PASSWORD", Cli.CANARY + "-pulled");
    LIVE.put("PEM", "-----BEGIN KEY-----\nabc$def\n-----END KEY-----");
    LIVE.put("QUOTES", "it's \"quoted\" # not a comment");
    LIVE.put("EMPTY", "");
  }

  @TempDir Path home;
  @TempDir Path outDir;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp(APP);
    world.heroku.setConfig(APP, LIVE);
  }

  @Test
  void toStdoutPrintsADotenvThatReadsBackAsTheLiveConfig() {
    Cli.Result r = world.runRevealing(world.cli(), "pull", "--app", APP);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(DotenvReader.read(r.out(), DotenvFlavor.COMPOSE, "stdout")).isEqualTo(LIVE);
    assertThat(r.both()).doesNotContain(PushWorld.TOKEN);
    assertThat(r.err()).isEmpty();
  }

  @Test
  void toAFileWritesMode0600AndPrintsNoValue() throws IOException {
    Path file = outDir.resolve("live.env");

    Cli.Result r = world.run("pull", "--app", APP, "--out", file.toString(), "--flavor", "python");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + file + ": 4 variables of payroll-staging, plaintext");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(DotenvReader.read(Files.readString(file), DotenvFlavor.PYTHON, "live.env"))
        .isEqualTo(LIVE);
  }

  @Test
  void encryptToWritesAFileOnlyTheRecipientCanRead() throws IOException {
    Path file = outDir.resolve("live.env.gpg");

    Cli.Result r = world.run("pull", "--app", APP, "--out", file.toString(),
        "--encrypt-to", "deploy@example.org",
        "--public-key", Cli.fixture("keys/deploy-rsa.pub.asc"));

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("encrypted to Payroll Deploy (TEST ONLY) <deploy@example.org>");
    byte[] encrypted = Files.readAllBytes(file);
    assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain(Cli.CANARY);
    try (Gpg gpg = Gpg.create(outDir.resolve("gnupg"))) {
      gpg.importKeys(Files.readAllBytes(Path.of(PushWorld.DEPLOY_KEY)));
      Gpg.Result plain = gpg.decrypt(encrypted, "");
      assertThat(plain.exitCode()).as(plain.stderr()).isZero();
      assertThat(DotenvReader.read(plain.stdoutText(), DotenvFlavor.COMPOSE, "gpg"))
          .isEqualTo(LIVE);
    }
  }

  @Test
  void anUnknownAppIsOneLineAndExit1() {
    Cli.Result r = world.run("pull", "--app", "no-such-app");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip()).isEqualTo(
        "envshift: heroku: app 'no-such-app' not found or not accessible (404 not_found)");
    assertThat(r.out()).isEmpty();
  }
}
