package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the push end-to-end tests share: a started {@link FakeHeroku} that accepts only a canary
 * token, a home folder, and {@code envshift} runs pointed at the fake with that token in
 * HEROKU_API_KEY. {@link #assertClean} checks a run leaked neither the canary value nor the token.
 * The fake comes from {@link envshift.heroku.fake.FakeHerokuExtension}, which stops it.
 */
final class PushWorld {
  /** A token shaped like Heroku's, itself a canary: it must never be printed or written. */
  static final String TOKEN = "HRKU-TOKENCANARY-71c4e9a2-4000-8000-5e2f0c1d0001";
  static final String DEPLOY_KEY = Cli.fixture("keys/deploy-rsa.asc");
  static final String DJANGO = Cli.fixture("repos/django-blackbox");
  static final String DOTENV = Cli.fixture("repos/dotenv-envs");

  final FakeHeroku heroku;
  final Path home;

  /** On the test's fake (a {@code FakeHeroku} parameter under FakeHerokuExtension). */
  PushWorld(Path home, FakeHeroku heroku) {
    this.home = home;
    this.heroku = heroku.token(TOKEN);
  }


  /** The CLI with the token set and no terminal; add more env with {@link Cli#env}. */
  Cli cli() {
    return new Cli(home).env("HEROKU_API_KEY", TOKEN).env("XDG_STATE_HOME",
        home.resolve("state").toString());
  }

  /** Runs {@code args} plus {@code --api-url <fake>}, and checks nothing leaked. */
  Cli.Result run(String... args) {
    return run(cli(), args);
  }

  Cli.Result run(Cli cli, String... args) {
    Cli.Result result = runRevealing(cli, args);
    assertClean(result);
    return result;
  }

  /** Like {@link #run} but without the leak check, for runs that reveal values on purpose. */
  Cli.Result runRevealing(Cli cli, String... args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    all.addAll(List.of("--api-url", heroku.url()));
    return cli.run(all.toArray(String[]::new));
  }

  /** {@code apply} on a fixture repo with the deploy key, never asking. */
  Cli.Result apply(String repo, String... more) {
    List<String> args = new ArrayList<>(List.of("apply", "--repo", repo, "--secret-key",
        DEPLOY_KEY, "--yes", "--backup-dir", home.resolve("backups").toString()));
    args.addAll(Arrays.asList(more));
    return run(args.toArray(String[]::new));
  }

  Cli.Result plan(String repo, String... more) {
    List<String> args = new ArrayList<>(List.of("plan", "--repo", repo, "--secret-key",
        DEPLOY_KEY));
    args.addAll(Arrays.asList(more));
    return run(args.toArray(String[]::new));
  }

  /** Neither the canary value nor the token in stdout, stderr or any file under the home. */
  void assertClean(Cli.Result result) {
    assertThat(result.both()).doesNotContain(Cli.CANARY).doesNotContain(TOKEN);
    assertThat(filesUnder(home)).allSatisfy(file -> assertThat(read(file))
        .as(file.toString()).doesNotContain(Cli.CANARY).doesNotContain(TOKEN));
  }

  /**
   * A repo of plaintext .env sources, one environment per app (named like the app), backups for
   * the deploy key.
   */
  static Path plainRepo(Path dir, Map<String, Map<String, String>> varsByApp) {
    StringBuilder manifest =
        new StringBuilder("version: 1\nrecipients: [deploy@example.org]\nenvironments:\n");
    try {
      Files.createDirectories(dir.resolve("configs"));
      for (var app : varsByApp.entrySet()) {
        StringBuilder env = new StringBuilder();
        app.getValue().forEach((k, v) -> env.append(k).append("='").append(v).append("'\n"));
        Files.writeString(dir.resolve("configs/" + app.getKey() + ".env"), env);
        manifest.append("  ").append(app.getKey()).append(":\n    sources: [configs/")
            .append(app.getKey()).append(".env]\n    heroku: {app: ").append(app.getKey())
            .append("}\n");
      }
      Files.writeString(dir.resolve("envshift.yml"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  static List<Path> filesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
