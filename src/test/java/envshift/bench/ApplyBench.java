package envshift.bench;

import envshift.Secret;
import envshift.cli.Context;
import envshift.cli.Envshift;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark (not a test): {@code envshift plan} and {@code apply} over many apps on FakeHeroku
 * with latency added to every response, against baselines measured in the same run. Run it with
 * {@code bench/apply-bench.sh}; options: {@code --apps N --vars N --latency-ms N --concurrency N
 * --naive-apps N}. Prints a Markdown table on stdout.
 */
public final class ApplyBench {
  private static final String TOKEN = "HRKU-bench-0000-4000-8000-000000000000";
  private static final Path PROJECT = Path.of("").toAbsolutePath();

  private final Options options;
  private final FakeHeroku heroku;
  private final Path work;
  private final List<Row> rows = new ArrayList<>();
  private long baselineNanos;

  private ApplyBench(Options options, FakeHeroku heroku, Path work) {
    this.options = options;
    this.heroku = heroku;
    this.work = work;
  }

  /** One measured run. */
  private record Row(String what, long nanos, double requestsPerApp, double releasesPerApp) {}

  /** Command-line knobs, with the figures as defaults. */
  record Options(int apps, int vars, int latencyMs, int concurrency, int naiveApps) {
    static Options parse(String[] args) {
      Map<String, Integer> values = new LinkedHashMap<>(Map.of("--apps", 50, "--vars", 10,
          "--latency-ms", 50, "--concurrency", 8, "--naive-apps", 5));
      for (int i = 0; i + 1 < args.length; i += 2) {
        if (!values.containsKey(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i]);
        }
        values.put(args[i], Integer.parseInt(args[i + 1]));
      }
      return new Options(values.get("--apps"), values.get("--vars"), values.get("--latency-ms"),
          values.get("--concurrency"), values.get("--naive-apps"));
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path work = Files.createTempDirectory("envshift-bench");
    try (FakeHeroku heroku = new FakeHeroku().start().token(TOKEN)) {
      new ApplyBench(options, heroku, work).run();
    } finally {
      deleteTree(work);
    }
    System.exit(0);
  }

  private void run() throws IOException, InterruptedException {
    warmUp();
    heroku.latency(Duration.ofMillis(options.latencyMs()));
    Path repo = repo("bench", options.apps());
    measureEnvshift("envshift plan (fresh apps)", repo, "plan");
    measureEnvshift("envshift apply (fresh apps)", repo, "apply");
    measureEnvshift("envshift apply again (unchanged)", repo, "apply");
    measureEnvshift("envshift plan (unchanged)", repo, "plan");
    Path unbacked = repo("nobackup", options.apps());
    measureEnvshift("envshift apply --no-backup (fresh apps)", unbacked, "apply", "--no-backup");
    measureNaivePerApp();
    measureNaivePerVar();
    HerokuCli.find().ifPresent(this::measureHerokuCli);
    print();
  }

  /** One small plan and apply without latency, so class loading and JIT are not measured. */
  private void warmUp() throws IOException {
    Path repo = repo("warm", 2);
    envshift(repo, "plan");
    envshift(repo, "apply");
    heroku.clearRequests();
  }

  private void measureEnvshift(String what, Path repo, String command, String... more) {
    String prefix = repo.getFileName().toString().replace("-repo", "");
    heroku.clearRequests();
    Map<String, Integer> releasesBefore = releases(prefix, options.apps());
    long start = System.nanoTime();
    int code = envshift(repo, command, more);
    long nanos = System.nanoTime() - start;
    if (code != 0) {
      throw new IllegalStateException(what + ": exit " + code);
    }
    int newReleases = releases(prefix, options.apps()).entrySet().stream()
        .mapToInt(e -> e.getValue() - releasesBefore.get(e.getKey())).sum();
    row(what, nanos, heroku.requests().size(), newReleases, options.apps());
  }

  private int envshift(Path repo, String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--repo", repo.toString(),
        "--api-url", heroku.url(), "--concurrency", Integer.toString(options.concurrency())));
    if (command.equals("apply")) {
      args.addAll(List.of("--yes", "--secret-key",
          PROJECT.resolve("fixtures/keys/deploy-rsa.asc").toString()));
      args.addAll(more.length > 0 ? List.of(more)
          : List.of("--backup-dir", work.resolve("backups").toString()));
    }
    Context context = Context.of(Map.of("HEROKU_API_KEY", TOKEN,
        "GNUPGHOME", work.resolve("no-gnupg").toString()), work, work);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Envshift.run(context, new PrintWriter(out), new PrintWriter(err),
        args.toArray(String[]::new));
    if (code != 0) {
      System.err.print(err);
    }
    return code;
  }

  /**
   * Baseline: what a shell loop of {@code heroku config:set K1=V1 ... -a APP} does, one app
   * after another: one PATCH with every var and the latest-release GET the CLI makes.
   */
  private void measureNaivePerApp() {
    createApps("naive", options.apps());
    heroku.clearRequests();
    HerokuClient client = client();
    long start = System.nanoTime();
    for (int i = 1; i <= options.apps(); i++) {
      String app = name("naive", i);
      client.patchConfigVars(app, asPatch(vars(app)));
      client.latestRelease(app);
    }
    long nanos = System.nanoTime() - start;
    baselineNanos = nanos;
    row("baseline: config:set per app, sequential", nanos, heroku.requests().size(),
        releasesMade("naive", options.apps()), options.apps());
  }

  /** Baseline: one {@code config:set K=V} per var per app, measured on a few apps and scaled. */
  private void measureNaivePerVar() {
    int apps = Math.min(options.naiveApps(), options.apps());
    createApps("pervar", apps);
    heroku.clearRequests();
    HerokuClient client = client();
    long start = System.nanoTime();
    for (int i = 1; i <= apps; i++) {
      String app = name("pervar", i);
      for (Map.Entry<String, Secret> var : vars(app).entrySet()) {
        client.patchConfigVars(app, Map.of(var.getKey(), Optional.of(var.getValue())));
        client.latestRelease(app);
      }
    }
    long nanos = (System.nanoTime() - start) * options.apps() / apps;
    row("baseline: config:set per var, sequential (" + apps + " apps, scaled)", nanos,
        heroku.requests().size() * options.apps() / apps,
        releasesMade("pervar", apps) * options.apps() / apps, options.apps());
  }

  /** The real Heroku CLI, when installed, on a few apps and scaled (each run starts Node). */
  private void measureHerokuCli(HerokuCli cli) {
    int apps = Math.min(options.naiveApps(), options.apps());
    createApps("cli", apps);
    heroku.clearRequests();
    long start = System.nanoTime();
    for (int i = 1; i <= apps; i++) {
      String app = name("cli", i);
      cli.configSet(app, vars(app), heroku.url(), TOKEN);
    }
    long nanos = (System.nanoTime() - start) * options.apps() / apps;
    row("heroku config:set (real CLI " + cli.version() + ", " + apps + " apps, scaled)", nanos,
        heroku.requests().size() * options.apps() / apps,
        releasesMade("cli", apps) * options.apps() / apps, options.apps());
  }

  private HerokuClient client() {
    return HerokuClient.builder().baseUrl(heroku.url()).token(TOKEN).build();
  }

  /** A repo of plaintext .env sources, one environment and app per index. */
  private Path repo(String prefix, int apps) throws IOException {
    Path repo = work.resolve(prefix + "-repo");
    Files.createDirectories(repo.resolve("configs"));
    StringBuilder manifest =
        new StringBuilder("version: 1\nrecipients: [deploy@example.org]\nenvironments:\n");
    for (int i = 1; i <= apps; i++) {
      String app = name(prefix, i);
      StringBuilder env = new StringBuilder();
      vars(app).forEach((k, v) -> env.append(k).append("='").append(v.reveal()).append("'\n"));
      Files.writeString(repo.resolve("configs/" + app + ".env"), env);
      manifest.append("  ").append(app).append(":\n    sources: [configs/").append(app)
          .append(".env]\n    heroku: {app: ").append(app).append("}\n");
    }
    Files.writeString(repo.resolve("envshift.yml"), manifest);
    createApps(prefix, apps);
    return repo;
  }

  private void createApps(String prefix, int apps) {
    for (int i = 1; i <= apps; i++) {
      heroku.createApp(name(prefix, i));
    }
  }

  private Map<String, Secret> vars(String app) {
    Map<String, Secret> vars = new LinkedHashMap<>();
    for (int v = 1; v <= options.vars(); v++) {
      vars.put("BENCH_VAR_" + v, Secret.of(app + "-value-" + v + "-0123456789abcdef"));
    }
    return vars;
  }

  private static Map<String, Optional<Secret>> asPatch(Map<String, Secret> vars) {
    Map<String, Optional<Secret>> patch = new LinkedHashMap<>();
    vars.forEach((k, v) -> patch.put(k, Optional.of(v)));
    return patch;
  }

  private Map<String, Integer> releases(String prefix, int apps) {
    Map<String, Integer> releases = new LinkedHashMap<>();
    for (int i = 1; i <= apps; i++) {
      releases.put(name(prefix, i), heroku.releases(name(prefix, i)).size());
    }
    return releases;
  }

  /** Releases beyond each app's initial one. */
  private int releasesMade(String prefix, int apps) {
    return releases(prefix, apps).values().stream().mapToInt(n -> n - 1).sum();
  }

  private static String name(String prefix, int i) {
    return String.format("%s-app-%02d", prefix, i);
  }

  private void row(String what, long nanos, int requests, int releases, int apps) {
    rows.add(new Row(what, nanos, requests / (double) apps, releases / (double) apps));
  }

  private void print() {
    System.out.printf("%d apps, %d vars each, %d ms added per response, concurrency %d, "
        + "%d cores, Java %s%n%n", options.apps(), options.vars(), options.latencyMs(),
        options.concurrency(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println("| run | wall time | time / baseline | requests per app "
        + "| releases per app |");
    System.out.println("|---|---|---|---|---|");
    for (Row row : rows) {
      System.out.printf("| %s | %.2f s | %.2f | %.1f | %.1f |%n", row.what(), row.nanos() / 1e9,
          row.nanos() / (double) baselineNanos, row.requestsPerApp(), row.releasesPerApp());
    }
    System.out.println();
    System.out.println("baseline = the \"config:set per app, sequential\" row of this run");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The Heroku CLI on the PATH, if any. */
  record HerokuCli(String version) {
    static Optional<HerokuCli> find() {
      try {
        Process p = new ProcessBuilder("heroku", "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        // e.g. "heroku/11.9.0 linux-x64 node-v20.20.2", possibly after warning lines
        Optional<String> version = out.lines().filter(l -> l.startsWith("heroku/")).findFirst()
            .map(l -> l.split("\\s+")[0]);
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0
            ? version.map(HerokuCli::new) : Optional.empty();
      } catch (IOException | InterruptedException e) {
        return Optional.empty();
      }
    }

    void configSet(String app, Map<String, Secret> vars, String url, String token) {
      List<String> command = new ArrayList<>(List.of("heroku", "config:set", "-a", app));
      vars.forEach((k, v) -> command.add(k + "=" + v.reveal()));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("HEROKU_HOST", url);
      builder.environment().put("HEROKU_API_KEY", token);
      try {
        Process p = builder.start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException("heroku config:set failed for " + app);
        }
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("heroku config:set failed for " + app, e);
      }
    }
  }
}
