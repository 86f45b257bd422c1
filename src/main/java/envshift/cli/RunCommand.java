package envshift.cli;

import envshift.EnvshiftException;
import envshift.exec.RunWithEnv;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code envshift run -- CMD [ARGS...]}: CMD with an environment's variables added to its
 * environment; stdin, stdout and stderr are CMD's, and so is the exit code.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift run -- python manage.py runserver",
      "  envshift run --env staging -- printenv DATABASE_URL",
      "  envshift run --app acme-staging -- ./manage.py check --deploy"},
    customSynopsis = "envshift run [OPTIONS] [--env NAME | --app APP] -- CMD [ARGS...]",
    description = {
      "Run a command with an environment's variables added to its environment (nothing written "
          + "to disk; a variable wins over an inherited one of the same name).",
      "Exit: the command's code (128+N when killed by signal N); 127 command not found, "
          + "126 not executable."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Spec CommandSpec spec;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin StrictOptions strict;
  @Mixin HerokuOptions heroku;

  @Option(names = "--env", paramLabel = "NAME",
      description = "The environment of envshift.yml whose sources are read (default: "
          + "development).")
  String env;

  @Option(names = {"-a", "--app"}, paramLabel = "APP",
      description = "Read the variables live from this Heroku app instead of the sources.")
  String app;

  @Parameters(paramLabel = "CMD", description = "After --: the command and its arguments.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    checkCommandLine();
    RunWithEnv.Values values = app != null
        ? new RunWithEnv.Values.FromApp(app)
        : new RunWithEnv.Values.FromEnvironment(Optional.ofNullable(env));
    Context ctx = root.context();
    RunWithEnv.Child child = new RunWithEnv.Child(command, ctx.env(), ctx.cwd(), root.childIo());
    return new RunWithEnv(() -> root.workspace(repo, keys), () -> root.client(heroku),
        loaded -> {
          root.warnings().collect(loaded);
          strict.check(loaded);
          // the child writes to the same streams next; what envshift said comes first
          root.warnings().flush();
          root.err().flush();
        }).run(values, child);
  }

  private void checkCommandLine() {
    if (env != null && app != null) {
      throw EnvshiftException.usage("run: choose one of --env and --app");
    }
    // Everything after the first "--" is the command; without it, CMD's own options would be
    // read as envshift's.
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int dashes = args.indexOf("--");
    if (dashes < 0 || !args.subList(dashes + 1, args.size()).equals(command)) {
      throw EnvshiftException.usage("run: put the command after --, as in: envshift run -- CMD");
    }
    if (command.isEmpty()) {
      throw EnvshiftException.usage("run: no command after --");
    }
  }
}
