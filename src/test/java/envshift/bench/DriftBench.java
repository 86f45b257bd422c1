package envshift.bench;

import envshift.cli.Context;
import envshift.cli.Envshift;
import envshift.heroku.Coupling;
import envshift.heroku.HerokuClient;
import envshift.heroku.fake.FakeHeroku;
import envshift.plan.AppConfig;
import envshift.plan.DriftAnalyzer;
import envshift.plan.DriftRules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code drift --pipeline} over many apps on the fake Platform API with added latency: wall time
 * and request count of the command as shipped, against two baselines run in the same invocation:
 * the command with {@code --concurrency 1}, and the naive sequential path through the client
 * (couplings with one app lookup each, then each app's config and add-ons one request at a time).
 * Run by bench/drift-bench.sh; arguments: [apps] [latency-ms] [--no-naive] [--concurrency N].
 */
public final class DriftBench {
  private static final String PIPELINE = "bench";

  private record Run(String what, long millis, int requests, int exit) {}

  private DriftBench() {}

  public static void main(String[] args) throws Exception {
    int apps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    boolean naive = !List.of(args).contains("--no-naive");
    int at = List.of(args).indexOf("--concurrency");
    String[] tuned = at < 0 ? new String[0] : new String[] {"--concurrency", args[at + 1]};
    Path home = Files.createTempDirectory("drift-bench");
    try (FakeHeroku heroku = new FakeHeroku().start()) {
      populate(heroku, apps);
      drift(heroku, home, "warm-up (no latency)");
      heroku.latency(Duration.ofMillis(latencyMs));
      List<Run> runs = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        String what = at < 0 ? "default" : "--concurrency " + args[at + 1];
        runs.add(drift(heroku, home, "drift --pipeline (" + what + ", run " + i + ")", tuned));
      }
      runs.add(drift(heroku, home, "baseline: drift --concurrency 1", "--concurrency", "1"));
      if (naive) {
        runs.add(naive(heroku));
      }
      report(apps, latencyMs, runs);
    }
  }

  /** 1 production, 1 staging, 8 development and the rest review apps; 30 vars and 1 add-on each. */
  private static void populate(FakeHeroku heroku, int apps) {
    heroku.createPipeline(PIPELINE);
    for (int i = 0; i < apps; i++) {
      String stage = i == 0 ? "production" : i == 1 ? "staging" : i < 10 ? "development" : "review";
      String app = "bench-" + stage + "-" + i;
      heroku.createApp(app);
      Map<String, String> config = new LinkedHashMap<>();
      for (int v = 0; v < 28; v++) {
        config.put("SETTING_" + v, v % 3 == 0 ? "shared-" + v : app + "-" + v);
      }
      config.put("SECRET_KEY", "secret-" + app);
      config.put(i % 10 == 0 ? "ONLY_SOME" : "FEATURE_FLAG", "on");
      heroku.setConfig(app, config);
      heroku.attachAddon(app, "postgresql-" + i, Map.of("DATABASE_URL", "postgres://u:p@db/" + i));
      heroku.couple(PIPELINE, app, stage);
    }
  }

  private static Run drift(FakeHeroku heroku, Path home, String what, String... extra) {
    List<String> args = new ArrayList<>(List.of("drift", "--pipeline", PIPELINE,
        "--include-review", "--json", "--api-url", heroku.url()));
    args.addAll(List.of(extra));
    Context ctx = Context.of(Map.of("HEROKU_API_KEY", FakeHeroku.DEFAULT_TOKEN), home, home);
    StringWriter err = new StringWriter();
    heroku.clearRequests();
    long start = System.nanoTime();
    int exit = Envshift.run(ctx, new PrintWriter(new StringWriter()), new PrintWriter(err),
        args.toArray(String[]::new));
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (exit != 2) {
      throw new IllegalStateException(what + ": exit " + exit + ": " + err);
    }
    return new Run(what, millis, heroku.requests().size(), exit);
  }

  /** What the existing client calls give without concurrency: one request after another. */
  private static Run naive(FakeHeroku heroku) {
    HerokuClient client = HerokuClient.builder().baseUrl(heroku.url())
        .token(FakeHeroku.DEFAULT_TOKEN).build();
    heroku.clearRequests();
    long start = System.nanoTime();
    List<AppConfig> apps = new ArrayList<>();
    for (Coupling c : client.pipelineCouplings(client.pipeline(PIPELINE).id())) {
      String name = c.app().name();
      apps.add(new AppConfig(name, name, client.configVars(name), client.addonOwnedVars(name)));
    }
    int exit = DriftAnalyzer.analyze(apps, DriftRules.DEFAULTS).hasFindings() ? 2 : 0;
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run("baseline: naive sequential client calls", millis, heroku.requests().size(),
        exit);
  }

  private static void report(int apps, int latencyMs, List<Run> runs) {
    System.out.printf("drift --pipeline over %d apps, %d ms added latency per request%n", apps,
        latencyMs);
    long best = runs.stream().filter(r -> r.what().startsWith("drift"))
        .mapToLong(Run::millis).min().orElseThrow();
    for (Run r : runs) {
      System.out.printf("  %-45s %6d ms  %4d requests  %5.1fx the best drift run%n",
          r.what(), r.millis(), r.requests(), (double) r.millis() / best);
    }
  }
}
