package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.Workspace;
import envshift.exec.ChildIo;
import envshift.heroku.HerokuClient;
import envshift.push.PushService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Subcommands are one class each; this class only lists them ({@link #COMMANDS})
 * and wires exit codes.
 */
@Command(
    name = "envshift",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift init && envshift show",
      "  envshift plan --env staging",
      "  envshift apply --env staging --yes"},
    versionProvider = Version.class,
    description = "Move GPG-encrypted settings out of a repository and into Heroku config vars.",
    exitCodeOnInvalidInput = EnvshiftException.USAGE,
    exitCodeOnExecutionException = EnvshiftException.ERROR,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:error (bad input, decryption, parse, API or network failure)",
      "2:differences found (plan --detailed-exitcode, drift, scan)",
      "64:usage error"
    })
public final class Envshift implements Runnable {
  /**
   * Every subcommand, in the order help lists them. A run builds only the one it invokes (see
   * {@link #invoked}): picocli builds a command's whole model by reflection, and building all of
   * them cost more than anything else in a short run such as {@code --version} or {@code --help}.
   */
  static final List<Class<?>> COMMANDS = List.of(
      CommandLine.HelpCommand.class,
      InitCommand.class,
      DecryptCommand.class,
      ShowCommand.class,
      DotenvCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      PullCommand.class,
      RestoreCommand.class,
      DriftCommand.class,
      RotateCommand.class,
      RekeyCommand.class,
      AccessCommand.class,
      CleanupCommand.class,
      ScanCommand.class,
      RunCommand.class,
      TextconvCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Show stack traces and HTTP traces (never secrets or the API token).")
  boolean debug;

  @CommandLine.Option(
      names = {"-q", "--quiet"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print no warnings or notes, only errors, then how many were hidden. "
          + "--strict still fails on a warning.")
  boolean quiet;

  private final Context context;
  /** Whether out() and err() are this process's own stdout and stderr ({@link Main}'s entry). */
  private final boolean processStreams;
  private final Warnings warnings = new Warnings(this::stderr, () -> quiet);
  /** Counters on one stderr line, on a terminal only (never with NO_COLOR or --quiet). */
  private final Progress progress =
      new Progress(this::stderr, () -> context().colour() && !quiet);

  Envshift(Context context) {
    this(context, false);
  }

  private Envshift(Context context, boolean processStreams) {
    this.context = context;
    this.processStreams = processStreams;
  }

  Context context() {
    return context;
  }

  /** Stdout; the conversion warnings collected so far are printed first (on stderr). */
  PrintWriter out() {
    progress.clear();
    warnings.flush();
    return spec.commandLine().getOut();
  }

  /** Stderr, after the conversion warnings collected so far. */
  PrintWriter err() {
    progress.clear();
    warnings.flush();
    return stderr();
  }

  private PrintWriter stderr() {
    return spec.commandLine().getErr();
  }

  /**
   * Where a command that envshift runs sends its streams: the process's own, or, when envshift
   * itself writes elsewhere (run in-process), copied to the same writers.
   */
  ChildIo childIo() {
    return processStreams ? new ChildIo.Inherit() : new ChildIo.Copied(out(), err());
  }

  /** The one place warnings and notes go: grouped, or hidden with --quiet. */
  Warnings warnings() {
    return warnings;
  }

  /** The root command of the run a command of {@code spec} belongs to. */
  static Envshift of(CommandLine.Model.CommandSpec spec) {
    return (Envshift) spec.root().userObject();
  }

  /** The API client, tracing to stderr with --debug. */
  HerokuClient client(HerokuOptions heroku) {
    return heroku.client(context, debug, err(), progress.counter("reading", "app"));
  }

  /** The repo opened for conversion, its keys built on first use. */
  Workspace workspace(RepoOptions repo, KeyOptions keys) {
    return repo.workspace(context, keys, progress.counter("decrypting", "file"));
  }

  /** The push use case; conversion warnings go to stderr as each environment is converted. */
  PushService push(RepoOptions repo, KeyOptions keys, HerokuOptions heroku) {
    return push(repo, keys, heroku, new StrictOptions());
  }

  /**
   * Likewise; with {@code --strict}, a warning stops the run before any request. The client (and
   * so the token) comes first: without a token the run fails before anything is decrypted.
   */
  PushService push(RepoOptions repo, KeyOptions keys, HerokuOptions heroku, StrictOptions strict) {
    HerokuClient client = client(heroku);
    return new PushService(workspace(repo, keys), () -> client, heroku.concurrency(),
        loaded -> {
          warnings.collect(loaded);
          strict.check(loaded);
        });
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  public static int run(String... args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    return run(new Envshift(Context.system(), true), out, err, args);
  }

  /** The entry tests call: output only through {@code out} and {@code err}. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(Context.system(), out, err, args);
  }

  /** The entry tests call with a controlled environment. */
  public static int run(Context context, PrintWriter out, PrintWriter err, String... args) {
    return run(new Envshift(context), out, err, args);
  }

  private static int run(Envshift root, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(root, out, err, invoked(args));
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The whole command tree: every subcommand registered (help, man pages, completion). */
  static CommandLine commandLine(Context context, PrintWriter out, PrintWriter err) {
    return commandLine(new Envshift(context), out, err, new Registration(COMMANDS, false));
  }

  /**
   * Which subcommands a run builds: {@code built} with their whole model, and, when help or an
   * error message may list them ({@code outlined}), every other one as an outline (its name and
   * summary from its annotation, no model), which is all a list or a "did you mean" needs.
   */
  record Registration(List<Class<?>> built, boolean outlined) {
    Registration {
      built = List.copyOf(built);
    }
  }

  /**
   * The registration a run with {@code args} needs: the subcommand it names, built; nothing for a
   * bare {@code --version}; for top-level help, no name or an unknown one, outlines and the help
   * command; for {@code help NAME}, NAME built too. The root's options are flags that take no
   * value, so the first argument not starting with '-' is the subcommand's name.
   */
  static Registration invoked(String... args) {
    boolean version = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("@")) {
        // an argument file (picocli expands it): what it names is known only then
        return new Registration(COMMANDS, false);
      } else if (arg.equals("--")) {
        break;
      } else if (arg.equals("--version") || arg.equals("-V")) {
        version = true;
      } else if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.startsWith("-") && !ROOT_FLAGS.contains(arg)) {
        // an option the root does not take (a subcommand's, put first), or a cluster such as
        // -qh: the usage error or help that follows lists every command
        help = true;
      } else if (!arg.startsWith("-")) {
        Optional<Class<?>> named = command(arg);
        if (named.isEmpty()) {
          return new Registration(List.of(CommandLine.HelpCommand.class), true);
        } else if (named.get() == CommandLine.HelpCommand.class) {
          Optional<Class<?>> topic = Arrays.stream(args, i + 1, args.length)
              .filter(a -> !a.startsWith("-")).findFirst().flatMap(Envshift::command);
          List<Class<?>> built = new ArrayList<>(List.of(CommandLine.HelpCommand.class));
          topic.filter(t -> t != CommandLine.HelpCommand.class).ifPresent(built::add);
          return new Registration(built, true);
        }
        return help
            ? new Registration(List.of(CommandLine.HelpCommand.class, named.get()), true)
            : new Registration(List.of(named.get()), false);
      }
    }
    return version && !help
        ? new Registration(List.of(), false)
        : new Registration(List.of(CommandLine.HelpCommand.class), true);
  }

  /** The root's options other than help and version: flags that take no value. */
  private static final List<String> ROOT_FLAGS = List.of("--debug", "-q", "--quiet");

  private static Optional<Class<?>> command(String name) {
    return COMMANDS.stream().filter(c -> {
      Command annotation = c.getAnnotation(Command.class);
      return annotation.name().equals(name) || List.of(annotation.aliases()).contains(name);
    }).findFirst();
  }

  /** A subcommand as help lists it: name, summary and whether hidden, without its model. */
  private static CommandLine outline(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create()
        .name(annotation.name()).aliases(annotation.aliases());
    spec.usageMessage().header(annotation.header()).description(annotation.description())
        .hidden(annotation.hidden());
    return new CommandLine(spec);
  }

  private static CommandLine commandLine(
      Envshift root, PrintWriter out, PrintWriter err, Registration registration) {
    CommandLine cl = new CommandLine(root);
    for (Class<?> command : COMMANDS) {
      if (registration.built().contains(command)) {
        cl.addSubcommand(command);
      } else if (registration.outlined()) {
        cl.addSubcommand(command.getAnnotation(Command.class).name(), outline(command));
      }
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
    cl.setExecutionStrategy(Envshift::runLast);
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
        Envshift::commandList);
    CommandLine help = cl.getSubcommands().get("help");
    if (help != null) {
      help.getCommandSpec().usageMessage().footer(
          "%nExamples:", "  envshift help apply", "  envshift help run");
    }
    return cl;
  }

  /**
   * The command list of the top-level help: each command with the first sentence of its header
   * or description, whole and wrapped. picocli would show only the first description line, which
   * here often stops mid-sentence.
   */
  private static String commandList(CommandLine.Help help) {
    Map<String, CommandLine.Help> commands = help.subcommands();
    if (commands.isEmpty()) return "";
    int names = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    int width = help.commandSpec().usageMessage().width();
    CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
        new CommandLine.Help.Column(names + 2, 2, CommandLine.Help.Column.Overflow.SPAN),
        new CommandLine.Help.Column(width - names - 2, 2, CommandLine.Help.Column.Overflow.WRAP));
    commands.forEach((name, sub) -> {
      CommandLine.Model.UsageMessageSpec usage = sub.commandSpec().usageMessage();
      if (!usage.hidden()) {
        // a header is a summary already (picocli's own help command has one)
        String[] summary = usage.header().length > 0 ? usage.header() : usage.description();
        table.addRowValues(help.colorScheme().text(name),
            help.colorScheme().text(firstSentence(summary)));
      }
    });
    return table.toString();
  }

  /** The description's lines joined, up to the first full stop that ends a sentence. */
  static String firstSentence(String[] description) {
    String text = String.join(" ", description).replace("%n", " ")
        .replaceAll("\\s+", " ").strip();
    Matcher end = Pattern.compile("\\.(\\s|$)").matcher(text);
    return end.find() ? text.substring(0, end.start() + 1) : text;
  }

  /**
   * picocli's RunLast, with a JVM {@link Error} (a stack overflow on input nested too deeply, memory
   * exhausted by a huge input) turned into one line and exit 1 like any other failure, instead of
   * a raw JVM trace; the trace stays available with --debug.
   */
  private static int runLast(CommandLine.ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (StackOverflowError e) {
      throw failed(parseResult, "input nested too deeply for envshift (stack exhausted)", e);
    } catch (OutOfMemoryError e) {
      throw failed(parseResult, "input too large for envshift (memory exhausted; a larger heap "
          + "via ENVSHIFT_JAVA_OPTS=-Xmx... may help)", e);
    } finally {
      // before the error line, if any: no progress line left, warnings, then what --quiet hid
      Envshift root = (Envshift) parseResult.commandSpec().userObject();
      root.progress.clear();
      root.warnings.finish();
    }
  }

  private static CommandLine.ExecutionException failed(CommandLine.ParseResult parseResult,
      String message, Error cause) {
    CommandLine last = parseResult.asCommandLineList().get(
        parseResult.asCommandLineList().size() - 1);
    return new CommandLine.ExecutionException(last, message,
        new EnvshiftException(message, cause));
  }
}
