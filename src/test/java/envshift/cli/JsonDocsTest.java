package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import envshift.heroku.fake.FakeHeroku;
import envshift.heroku.fake.FakeHerokuExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/json.md is the contract of every {@code --json}: each command's example there has the
 * shape of the command's real output on a fixture (same keys in the same order, same types, the
 * same arrays empty or not). Values (versions, paths, fingerprints) are free to differ. Every run
 * goes through {@link PushWorld#run}, which checks neither the canary nor the token leaked.
 */
@ExtendWith(FakeHerokuExtension.class)
class JsonDocsTest {
  private static final String STAGING = "payroll-staging";
  private static final String STAGING_FILE = "configs/settings_deployment.staging.py.gpg";
  private static final Pattern SECTION =
      Pattern.compile("(?m)^## `envshift (\\w+)[^`]*`\\n(.*?)(?=^## |\\z)", Pattern.DOTALL);
  private static final Pattern EXAMPLE = Pattern.compile("(?s)```json\\n(.*?)```");
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @TempDir Path home;
  private PushWorld world;

  @BeforeEach
  void start(FakeHeroku heroku) {
    world = new PushWorld(home, heroku);
    world.heroku.createApp(STAGING);
    world.heroku.createApp("payroll-production");
    Map<String, String> staging = RepoCopy.expected("django-blackbox", "staging");
    staging.remove("EMAIL_HOST_PASSWORD");
    staging.put("LEFT_OVER", "from-before");
    world.heroku.setConfig(STAGING, staging);
    world.heroku.setConfig("payroll-production",
        RepoCopy.expected("django-blackbox", "production"));
    world.heroku.attachAddon(STAGING, "postgresql-shaped-1",
        Map.of("DATABASE_URL", "postgres://a"));
  }

  @Test
  void documentsExactlyTheCommandsThatPrintJson() throws IOException {
    assertThat(examples().keySet()).containsExactly("plan", "apply", "restore", "rotate",
        "cleanup", "pull", "rekey", "show", "drift", "access", "scan");
  }

  @Test
  void plan() throws IOException {
    check("plan", world.plan(PushWorld.DJANGO, "--env", "staging", "--json"), 0);
  }

  @Test
  void apply() throws IOException {
    check("apply", applyStaging(), 0);
  }

  @Test
  void restore() throws IOException {
    applyStaging();
    Path backup;
    try (var files = Files.list(home.resolve("backups"))) {
      backup = files.findFirst().orElseThrow();
    }
    check("restore", world.run("restore", backup.toString(), "--app", STAGING, "--yes",
        "--json", "--no-backup", "--secret-key", PushWorld.DEPLOY_KEY), 0);
  }

  @Test
  void rotate() throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    check("rotate", world.run(world.cli().cwd(repo), "rotate", "DJANGO_SECRET_KEY", "--env",
        "staging", "--yes", "--json", "--backup-dir", home.resolve("backups").toString(),
        "--secret-key", PushWorld.DEPLOY_KEY), 0);
  }

  @Test
  void cleanup() throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    RepoCopy.git(repo, "init", "--quiet");
    RepoCopy.git(repo, "add", "--all");
    RepoCopy.git(repo, "commit", "--quiet", "-m", "legacy");
    world.heroku.setConfig(STAGING, RepoCopy.expected("django-blackbox", "staging"));
    check("cleanup", world.run(world.cli().cwd(repo), "cleanup", "--yes", "--json",
        "--secret-key", PushWorld.DEPLOY_KEY), 0);
  }

  @Test
  void pull() throws IOException {
    check("pull", world.run("pull", "--app", STAGING, "--out",
        home.resolve("live.env.gpg").toString(), "--encrypt-to", "deploy@example.org",
        "--public-key", Cli.fixture("keys/deploy-rsa.pub.asc"), "--json"), 0);
  }

  @Test
  void rekey() throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    check("rekey", local(world.cli().cwd(repo), "rekey", STAGING_FILE, "--repo",
        repo.toString(), "--secret-key", PushWorld.DEPLOY_KEY, "--public-key",
        Cli.fixture("keys/outsider-rsa.pub.asc"), "--add-recipient", "outsider@example.org",
        "--json"), 0);
  }

  @Test
  void show() throws IOException {
    check("show", local(world.cli(), "show", "--repo", PushWorld.DOTENV, "--secret-key",
        PushWorld.DEPLOY_KEY, "--env", "staging", "--json"), 0);
  }

  @Test
  void drift() throws IOException {
    check("drift", world.run("drift", "--repo", PushWorld.DJANGO, "--secret-key",
        PushWorld.DEPLOY_KEY, "--json"), 2);
  }

  @Test
  void access() throws IOException {
    Path repo = RepoCopy.of("django-blackbox", home.resolve("repos"));
    check("access", local(world.cli(), "access", "--repo", repo.toString(), "--secret-key",
        PushWorld.DEPLOY_KEY, "--json"), 0);
  }

  @Test
  void scan() throws IOException {
    Path repo = RepoCopy.of("dotenv-envs", home.resolve("repos"));
    RepoCopy.git(repo, "init", "--quiet");
    Files.writeString(repo.resolve("configs/.env.staging"), "DEBUG=1\n");
    RepoCopy.git(repo, "add", "--all", "--force");
    RepoCopy.git(repo, "commit", "--quiet", "-m", "oops");
    check("scan", world.run("scan", "--repo", repo.toString(), "--secret-key",
        PushWorld.DEPLOY_KEY, "--json"), 2);
  }

  /** A command that never talks to Heroku (no --api-url), checked for leaks like the others. */
  private Cli.Result local(Cli cli, String... args) {
    Cli.Result r = cli.run(args);
    world.assertClean(r);
    return r;
  }

  private Cli.Result applyStaging() {
    return world.apply(PushWorld.DJANGO, "--env", "staging", "--prune", "--json");
  }

  private void check(String command, Cli.Result r, int exitCode) throws IOException {
    assertThat(r.code()).as(r.err()).isEqualTo(exitCode);
    JsonNode actual = MAPPER.readTree(r.out()); // one document and nothing else
    String example = examples().get(command);
    assertThat(example).as("docs/json.md has an example for " + command).isNotNull();
    assertThat(shape(actual)).as(command + ": docs/json.md's example against the real output")
        .isEqualTo(shape(MAPPER.readTree(example)));
  }

  /** Command → the first json block of its section in docs/json.md. */
  private static Map<String, String> examples() throws IOException {
    String doc = Files.readString(Cli.PROJECT.resolve("docs/json.md"));
    Map<String, String> examples = new LinkedHashMap<>();
    Matcher section = SECTION.matcher(doc);
    while (section.find()) {
      Matcher example = EXAMPLE.matcher(section.group(2));
      if (example.find()) {
        examples.put(section.group(1), example.group(1));
      }
    }
    return examples;
  }

  /**
   * Keys (in order) and types, values left out; an array by the shape of its first element, so
   * the example needs one entry where the output has any. Keys that are data (show's environment
   * and variable names) are kept too: the example is the fixture's.
   */
  private static Object shape(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        fields.put(f.getKey(), shape(f.getValue()));
      }
      return fields;
    }
    if (node.isArray()) {
      List<Object> first = new ArrayList<>();
      if (!node.isEmpty()) {
        first.add(shape(node.get(0)));
      }
      return first;
    }
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
