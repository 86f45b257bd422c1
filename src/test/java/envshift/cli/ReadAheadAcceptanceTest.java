package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands over a repo of 21 encrypted files in 10 environments print byte for byte what they
 * print with every source read on the command's own thread ({@code envshift.readAhead=false}):
 * {@code show} (JSON and text, with its warnings), {@code plan} and {@code drift
 * --against-source}; and a run stopped by a bad source stops the same way.
 */
@ExtendWith(FakeHerokuExtension.class)
class ReadAheadAcceptanceTest {
  private static final int ENVS = 10;
  private static final KeyRing DEPLOY_PUBLIC = KeyRing.builder()
      .publicKeyFile(Cli.FIXTURES.resolve("keys/deploy-rsa.pub.asc")).build();

  @TempDir Path home;
  private Path repo;
  private PushWorld world;

  @BeforeEach
  void repo(FakeHeroku heroku) throws IOException {
    world = new PushWorld(home, heroku);
    repo = Files.createDirectories(home.resolve("repo"));
    StringBuilder manifest = new StringBuilder("version: 1\nenvironments:\n");
    encrypt("configs/common.py.gpg", "import os\nTIME_ZONE = 'UTC'\n"
        + "LOG_LEVEL = os.getenv('LOG_LEVEL', 'info')\n");
    for (int i = 0; i < ENVS; i++) {
      String app = "shop-" + i;
      encrypt("configs/" + app + "/settings.py.gpg", python(i));
      encrypt("configs/" + app + "/.env.gpg", "REDIS_URL=redis://cache-" + i + ":6379/0\n"
          + "API_TOKEN=tok-" + i + "-" + "x".repeat(i) + "\n");
      manifest.append("  ").append(app).append(":\n    sources: [configs/common.py.gpg, configs/")
          .append(app).append("/settings.py.gpg, configs/").append(app).append("/.env.gpg]\n")
          .append("    heroku: {app: ").append(app).append("}\n");
      world.heroku.createApp(app);
      Map<String, String> live = new LinkedHashMap<>();
      live.put("TIME_ZONE", "UTC");
      live.put("DEBUG", i % 2 == 0 ? "False" : "True");
      if (i % 3 == 0) live.put("LEGACY_FLAG", "1");
      world.heroku.setConfig(app, live);
    }
    Files.writeString(repo.resolve("envshift.yml"), manifest);
  }

  private static String python(int i) {
    return "import os\n"
        + "DEBUG = False\n"
        + "SECRET_KEY = 'django-" + i + "-" + Integer.toHexString(31 * i + 7) + "'\n"
        + "ALLOWED_HOSTS = ['shop-" + i + ".example.org', 'www.example.org']\n"
        + "DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql',"
        + " 'NAME': 'shop" + i + "', 'USER': 'u" + i + "', 'PASSWORD': 'p" + i + "',"
        + " 'HOST': 'db-" + i + ".internal', 'PORT': '5432'}}\n"
        + "SENTRY_DSN = os.environ.get('SENTRY_DSN', 'https://k" + i + "@sentry.example.org/"
        + i + "')\n";
  }

  private void encrypt(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, Encryptor.encrypt(text.getBytes(StandardCharsets.UTF_8),
        Recipients.resolve(List.of("deploy@example.org"), DEPLOY_PUBLIC), DEPLOY_PUBLIC, false,
        "settings"));
  }

  /** {@code args} with the deploy key, read ahead and not; both results, after the same checks. */
  private Cli.Result[] both(boolean api, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(new String[] {"--repo", repo.toString(), "--secret-key",
        PushWorld.DEPLOY_KEY}, 0, all, args.length, 4);
    Cli.Result alone = api ? world.run(world.cli().withoutReadAhead(), all)
        : world.cli().withoutReadAhead().run(all);
    Cli.Result ahead = api ? world.run(world.cli(), all) : world.cli().run(all);
    assertThat(ahead.out()).isEqualTo(alone.out());
    assertThat(ahead.err()).isEqualTo(alone.err());
    assertThat(ahead.code()).isEqualTo(alone.code());
    return new Cli.Result[] {alone, ahead};
  }

  @Test
  void showPrintsWhatItPrintsReadingOneByOne() {
    Cli.Result json = both(false, "show", "--json")[0];
    Cli.Result revealed = both(false, "show", "--reveal")[0];

    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("\"shop-9\"").contains("\"DATABASE_URL\"");
    assertThat(revealed.out()).contains("redis://cache-7:6379/0").contains("django-9-");
    assertThat(revealed.err()).contains("skipped import of os");
  }

  /** Every bundled fixture repo, listed from disk so that a new one is covered too. */
  static List<String> fixtureRepos() throws IOException {
    try (var repos = Files.list(Cli.FIXTURES.resolve("repos"))) {
      return repos.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureRepos")
  void everyFixtureRepoShowsWhatItShowsReadingOneByOne(String name) {
    Path fixture = RepoCopy.of(name, home);
    for (String[] args : List.of(new String[] {"show", "--json", "--reveal"},
        new String[] {"show"})) {
      String[] all = new String[args.length + 6];
      System.arraycopy(args, 0, all, 0, args.length);
      System.arraycopy(new String[] {"--repo", fixture.toString(), "--secret-key",
          PushWorld.DEPLOY_KEY, "--passphrase-file", Cli.fixture("keys/flask.passphrase")},
          0, all, args.length, 6);
      Cli.Result alone = world.cli().withoutReadAhead().run(all);
      Cli.Result ahead = world.cli().run(all);

      assertThat(alone.code()).as(name + ": " + alone.err()).isZero();
      assertThat(ahead.out()).as(name).isEqualTo(alone.out()).isNotEmpty();
      assertThat(ahead.err()).as(name).isEqualTo(alone.err());
      assertThat(ahead.code()).as(name).isEqualTo(alone.code());
    }
  }

  @Test
  void planPrintsWhatItPrintsReadingOneByOne() {
    Cli.Result plan = both(true, "plan")[0];

    assertThat(plan.code()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("shop-0 → shop-0").contains("shop-9 → shop-9");
  }

  @Test
  void driftAgainstTheSourcesPrintsWhatItPrintsReadingOneByOne() {
    Cli.Result drift = both(true, "drift", "--against-source", "--json")[0];

    assertThat(drift.code()).as(drift.err()).isEqualTo(2);
    assertThat(drift.out()).contains("\"LEGACY_FLAG\"");
  }

  @Test
  void theFirstBadSourceInManifestOrderStopsTheRunTheSameWay() throws IOException {
    encrypt("configs/shop-3/settings.py.gpg", "DEBUG = (\n");
    byte[] corrupt = Files.readAllBytes(repo.resolve("configs/shop-7/.env.gpg"));
    corrupt[corrupt.length - 3] ^= 0x20;
    Files.write(repo.resolve("configs/shop-7/.env.gpg"), corrupt);

    Cli.Result show = both(false, "show", "--json")[0];
    both(true, "plan");
    both(true, "drift", "--against-source");

    assertThat(show.code()).isOne();
    assertThat(show.out()).isEmpty();
    assertThat(show.err()).contains("configs/shop-3/settings.py.gpg:1: ")
        .doesNotContain("shop-7");
  }
}
