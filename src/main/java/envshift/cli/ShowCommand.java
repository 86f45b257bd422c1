package envshift.cli;

import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.Workspace;
import envshift.manifest.Environment;
import envshift.mapping.EnvVar;
import envshift.plan.Json;
import envshift.plan.Shown;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift show}: the mapped variables per environment, masked unless --reveal. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift show",
      "  envshift show --env staging --json",
      "  envshift show --env development --reveal"},
    description = "Show the variables each environment maps to (values masked unless --reveal).")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin StrictOptions strict;

  @Option(names = "--env", paramLabel = "NAME", description = "Only this environment. Repeatable.")
  List<String> envs = new ArrayList<>();

  @Option(names = "--reveal", description = "Print the values themselves.")
  boolean reveal;

  @Option(
      names = "--json",
      description = "{\"<env>\": {\"<NAME>\": \"<value or mask>\"}} on stdout.")
  boolean json;

  @Override
  public Integer call() {
    Workspace workspace = root.workspace(repo, keys);
    List<LoadedEnvironment> loaded = new ArrayList<>();
    List<Environment> selected = workspace.manifest().select(envs, false);
    try (var ahead = workspace.loader().readAhead(selected)) {
      for (Environment env : selected) {
        LoadedEnvironment e = workspace.loader().load(env);
        root.warnings().collect(e);
        strict.check(e);
        loaded.add(e);
      }
    }
    PrintWriter out = root.out();
    if (json) {
      out.println(toJson(loaded));
    } else {
      loaded.forEach(e -> printHuman(e, out));
    }
    return 0;
  }

  /** Exact, for JSON: the one place a revealed value is printed as is. */
  private String value(EnvVar v) {
    return reveal ? v.value().reveal() : v.value().mask();
  }

  private String toJson(List<LoadedEnvironment> loaded) {
    Map<String, Map<String, String>> doc = new LinkedHashMap<>();
    for (LoadedEnvironment e : loaded) {
      Map<String, String> vars = new LinkedHashMap<>();
      e.vars().vars().values().forEach(v -> vars.put(v.name(), value(v)));
      doc.put(e.environment().name(), vars);
    }
    return Json.writeIndented(doc);
  }

  private void printHuman(LoadedEnvironment e, PrintWriter out) {
    Environment env = e.environment();
    String target = env.heroku().map(Object::toString).orElse("no Heroku target");
    out.printf("%s (%d variables, %s)%n",
        Shown.visible(env.name()), e.vars().vars().size(), Shown.visible(target));
    int width = e.vars().vars().keySet().stream()
        .mapToInt(n -> Shown.visible(n).length()).max().orElse(0);
    for (EnvVar v : e.vars().vars().values()) {
      // text output: control characters made visible, continuation lines under the first
      String shown = String.join("\n  " + " ".repeat(width + 2), Shown.lines(v.value(), reveal));
      out.printf("  %-" + Math.max(width, 1) + "s  %s%n", Shown.visible(v.name()), shown);
    }
    out.println();
  }
}
