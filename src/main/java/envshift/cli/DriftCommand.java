package envshift.cli;

import envshift.EnvshiftException;
import envshift.audit.DriftAudit;
import envshift.audit.LiveConfigs;
import envshift.heroku.HerokuClient;
import envshift.plan.DriftJson;
import envshift.plan.DriftMarkdown;
import envshift.plan.DriftReport;
import envshift.plan.DriftTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift drift}: compares config vars across apps (and with {@code --against-source}, each
 * app with its sources) without showing a value. Exit 0 without differences, 2 with, 1 on error
 * (a {@code live} finding, a var owned by the app since a rotation, is not a difference).
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift drift",
      "  envshift drift --against-source --json",
      "  envshift drift --markdown"},
    description = {
      "Compare config vars across apps, and against the repo, without showing values.",
      "Exit 0: no findings (or only 'live' ones); 2: findings; 1: error."
    })
final class DriftCommand implements Callable<Integer> {
  /** Drift only reads, so it keeps more apps in flight than the commands that write. */
  static final int CONCURRENCY = 16;

  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin HerokuOptions heroku = readOnly();

  @Option(names = "--env", paramLabel = "NAME",
      description = "An environment of envshift.yml. Repeatable (default: every environment with "
          + "a heroku target).")
  List<String> envs = new ArrayList<>();

  @Option(names = "--app", paramLabel = "APP",
      description = "A Heroku app (no manifest needed). Repeatable.")
  List<String> apps = new ArrayList<>();

  @Option(names = "--pipeline", paramLabel = "NAME",
      description = "Every app coupled to this pipeline, labelled by stage (no manifest needed).")
  String pipeline;

  @Option(names = "--include-review",
      description = "With --pipeline: also the apps of the review and test stages.")
  boolean includeReview;

  @Option(names = "--against-source",
      description = "With --env: also compare each app with its decrypted, mapped sources.")
  boolean againstSource;

  @Option(names = "--json",
      description = "Print {\"environments\", \"findings\", \"addon_owned\"}.")
  boolean json;

  @Option(names = "--markdown", description = "Print Markdown, e.g. for a pull-request comment.")
  boolean markdown;

  @Override
  public Integer call() {
    checkOptions();
    // Every mode reads apps: the token first, so a missing one costs no decryption.
    HerokuClient client = root.client(heroku);
    DriftAudit audit = new DriftAudit(repo.root(root.context()),
        () -> root.workspace(repo, keys),
        () -> new LiveConfigs(client, heroku.concurrency()),
        root.warnings()::collect);
    DriftReport report;
    if (pipeline != null) {
      report = audit.pipeline(pipeline, includeReview);
    } else if (!apps.isEmpty()) {
      report = audit.apps(apps);
    } else {
      report = audit.environments(envs, againstSource);
    }
    PrintWriter out = root.out();
    if (json) {
      out.println(DriftJson.render(report));
    } else if (markdown) {
      out.print(DriftMarkdown.render(report));
    } else {
      out.print(DriftTable.render(report, root.context().colour()));
    }
    out.flush();
    return report.hasDifferences() ? EnvshiftException.DIFFERENCES : EnvshiftException.OK;
  }

  /** Usage errors (exit 64) before anything is read. */
  private void checkOptions() {
    int modes = (envs.isEmpty() ? 0 : 1) + (apps.isEmpty() ? 0 : 1) + (pipeline == null ? 0 : 1);
    if (modes > 1) {
      throw EnvshiftException.usage("drift: choose one of --env, --app and --pipeline");
    }
    if (json && markdown) {
      throw EnvshiftException.usage("drift: choose one of --json and --markdown");
    }
    if (includeReview && pipeline == null) {
      throw EnvshiftException.usage("drift: --include-review goes with --pipeline");
    }
    if (againstSource && (pipeline != null || !apps.isEmpty())) {
      throw EnvshiftException.usage("drift: --against-source goes with --env (it needs the repo)");
    }
    // --env is taken once per name, as every command's environment selection does
    long distinctEnvs = envs.stream().distinct().count();
    boolean single = apps.size() == 1 || (distinctEnvs == 1 && !againstSource);
    if (single) {
      throw EnvshiftException.usage("drift: name at least two apps or environments to compare"
          + " (or one --env with --against-source)");
    }
  }

  private static HerokuOptions readOnly() {
    HerokuOptions options = new HerokuOptions();
    options.concurrency = CONCURRENCY;
    return options;
  }
}
