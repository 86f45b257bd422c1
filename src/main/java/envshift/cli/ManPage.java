package envshift.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A command's man page in troff (man(7) macros), rendered from its picocli model so it never
 * drifts from {@code --help}. Written by hand rather than with picocli-codegen's ManPageGenerator,
 * which writes AsciiDoc and would need Asciidoctor at build time to become a page that
 * {@code man} reads.
 */
final class ManPage {
  private final CommandSpec spec;
  private final StringBuilder page = new StringBuilder();

  private ManPage(CommandSpec spec) {
    this.spec = spec;
  }

  /** The page's file name: {@code envshift.1}, {@code envshift-show.1}. */
  static String fileName(CommandSpec spec) {
    return name(spec) + ".1";
  }

  /** The page of {@code spec}; {@code version} goes in its footer. */
  static String of(CommandSpec spec, String version) {
    return new ManPage(spec).render(version);
  }

  private static String name(CommandSpec spec) {
    return spec.qualifiedName("-");
  }

  private String render(String version) {
    String name = name(spec);
    line(".TH " + quoted(name.toUpperCase(Locale.ROOT)) + " 1 \"\" " + quoted("envshift " + version)
        + " \"envshift manual\"");
    line(".nh"); // option names and paths must not be hyphenated across lines
    line(".ad l");
    section("NAME");
    String summary = firstSentence(formatted(spec.usageMessage().description()));
    line(escape(name) + " \\- " + escape(summary));
    section("SYNOPSIS");
    preformatted(help().synopsis(0));
    String description = formatted(spec.usageMessage().description());
    if (!description.isBlank()) {
      section("DESCRIPTION");
      paragraphs(description);
    }
    List<CommandSpec> subcommands = subcommands(spec);
    if (!subcommands.isEmpty()) {
      section("COMMANDS");
      for (CommandSpec sub : subcommands) {
        item("\\fB" + escape(sub.name()) + "\\fR",
            formatted(sub.usageMessage().description()) + " See " + name(sub) + "(1).");
      }
    }
    List<PositionalParamSpec> params = spec.positionalParameters().stream()
        .filter(p -> !p.hidden()).toList();
    if (!params.isEmpty()) {
      section("ARGUMENTS");
      params.forEach(p -> item("\\fI" + escape(p.paramLabel()) + "\\fR", described(p)));
    }
    List<OptionSpec> options = spec.options().stream().filter(o -> !o.hidden()).toList();
    if (!options.isEmpty()) {
      section("OPTIONS");
      options.forEach(o -> item(optionLabel(o), described(o)));
    }
    Map<String, String> exitCodes = spec.root().usageMessage().exitCodeList();
    if (!exitCodes.isEmpty()) {
      section("EXIT STATUS");
      exitCodes.forEach((code, meaning) -> item("\\fB" + escape(code.strip()) + "\\fR", meaning));
    }
    String footer = formatted(spec.usageMessage().footer());
    if (!footer.isBlank()) {
      String heading = formatted(spec.usageMessage().footerHeading()).strip().replaceAll(":$", "");
      section(heading.isEmpty() ? "NOTES" : heading.toUpperCase(Locale.ROOT));
      preformatted(footer);
    }
    section("SEE ALSO");
    List<String> seeAlso = new ArrayList<>();
    if (spec.parent() != null) {
      seeAlso.add("\\fB" + escape(name(spec.parent())) + "\\fR(1)");
    }
    subcommands.forEach(s -> seeAlso.add("\\fB" + escape(name(s)) + "\\fR(1)"));
    line(seeAlso.isEmpty() ? "\\fBgpg\\fR(1)" : String.join(", ", seeAlso));
    return page.toString();
  }

  /** The commands a page is written for below {@code spec}: not picocli's help, nothing hidden. */
  static List<CommandSpec> subcommands(CommandSpec spec) {
    return spec.subcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .filter(s -> !s.usageMessage().hidden())
        .filter(s -> !(s.userObject() instanceof CommandLine.HelpCommand))
        .distinct()
        .toList();
  }

  private CommandLine.Help help() {
    CommandLine.Help.ColorScheme plain =
        CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF);
    return new CommandLine.Help(spec, plain);
  }

  private static String optionLabel(OptionSpec o) {
    List<String> names = new ArrayList<>();
    for (String n : o.names()) {
      names.add("\\fB" + escape(n) + "\\fR");
    }
    String label = String.join(", ", names);
    return o.typeInfo().isBoolean() || o.arity().max() == 0
        ? label
        : label + " \\fI" + escape(o.paramLabel()) + "\\fR";
  }

  private static String described(CommandLine.Model.ArgSpec arg) {
    return formatted(arg.renderedDescription());
  }

  /** Description lines as picocli prints them: joined, format specifiers such as %n applied. */
  private static String formatted(String... lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(String.format(Locale.ROOT, l));
    }
    return String.join("\n", out);
  }

  private static String firstSentence(String description) {
    String first = description.strip().split("\n", 2)[0];
    return first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
  }

  private void section(String title) {
    line(".SH " + quoted(title));
  }

  private void item(String label, String text) {
    line(".TP");
    line(label);
    paragraphs(text);
  }

  /** Filled text; a blank line starts a new paragraph. */
  private void paragraphs(String text) {
    boolean first = true;
    for (String para : text.strip().split("\n\\s*\n")) {
      if (!first) {
        line(".PP");
      }
      first = false;
      para.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> line(escape(l)));
    }
  }

  /** Text laid out by picocli (the synopsis, examples): kept line for line. */
  private void preformatted(String text) {
    line(".nf");
    text.stripTrailing().lines().forEach(l -> line(escape(l)));
    line(".fi");
  }

  private void line(String troff) {
    page.append(troff).append('\n');
  }

  private static String quoted(String s) {
    return "\"" + escape(s).replace("\"", "\\(dq") + "\"";
  }

  /** Plain text made safe for troff: backslashes, hyphens (options stay copyable), dot lines. */
  static String escape(String text) {
    String s = text.replace("\\", "\\e").replace("-", "\\-");
    return s.startsWith(".") || s.startsWith("'") ? "\\&" + s : s;
  }
}
