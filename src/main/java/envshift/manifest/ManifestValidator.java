package envshift.manifest;

import envshift.Origin;
import envshift.manifest.ManifestFile.Env;
import envshift.manifest.ManifestFile.Heroku;
import envshift.manifest.ManifestFile.Located;
import envshift.manifest.ManifestFile.Rename;
import envshift.manifest.ManifestFile.SourceEntry;
import envshift.mapping.EnvVar;
import envshift.mapping.MappingRules;
import envshift.settings.DotenvFlavor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks what a well-formed manifest means: versions, paths, Heroku targets, var names. */
final class ManifestValidator {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  // The Platform API schema's patterns for app and pipeline names (an id is accepted too).
  private static final Pattern APP = Pattern.compile("[a-z][a-z0-9-]{1,28}[a-z0-9]|" + UUID);
  private static final Pattern PIPELINE = Pattern.compile("[a-z][a-z0-9-]{2,29}|" + UUID);
  private static final List<String> STAGES =
      List.of("test", "review", "development", "staging", "production");

  private final String file;
  private final RepoPaths paths;

  ManifestValidator(String file, Path repoRoot) {
    this.file = file;
    this.paths = new RepoPaths(repoRoot, file);
  }

  Manifest validate(ManifestFile raw) {
    Located<String> version = raw.version().orElseThrow(
        () -> error(raw.line(), "version: missing (expected: version: 1)"));
    if (!version.value().equals("1")) {
      throw error(version.line(), "version: unsupported version " + version.value()
          + " (this envshift reads version 1)");
    }
    List<String> recipients = raw.recipients().map(r -> texts(r.value(), "recipients"))
        .orElse(List.of());
    List<Environment> environments = environments(raw);
    MappingRules rules = rules(raw.rename(), raw.drop());
    List<String> secrets = raw.secrets().map(s -> texts(s.value(), "secrets"))
        .orElse(Manifest.DEFAULT_SECRET_PATTERNS);
    return new Manifest(1, recipients, environments, rules, secrets,
        varNames(raw.same(), "same"), varNames(raw.envSpecific(), "env_specific"), file);
  }

  private List<Environment> environments(ManifestFile raw) {
    Located<List<Env>> envs = raw.environments().orElseThrow(
        () -> error(raw.line(), "environments: missing (at least one environment is needed)"));
    if (envs.value().isEmpty()) {
      throw error(envs.line(), "environments: empty (at least one environment is needed)");
    }
    List<Environment> out = new ArrayList<>();
    Map<String, String> targets = new HashMap<>();
    for (Env env : envs.value()) {
      Environment e = environment(env);
      claim(targets, e.dotenv().map(d -> "dotenv " + d), env);
      claim(targets, e.heroku().map(Object::toString), env);
      out.add(e);
    }
    return out;
  }

  private Environment environment(Env env) {
    String name = env.name().value();
    String path = "environments." + name;
    if (!ENV_NAME.matcher(name).matches()) {
      throw error(env.name().line(), path + ": environment names are letters, digits, '.', '_' "
          + "and '-', starting with a letter or digit");
    }
    List<SourceEntry> sources = env.sources().map(Located::value).orElse(List.of());
    // After `envshift cleanup`, a Heroku environment may have no sources left: its values then
    // live only on Heroku (drift and rotate still work; plan and apply have nothing to push).
    if (sources.isEmpty() && env.heroku().isEmpty()) {
      int line = env.sources().map(Located::line).orElse(env.name().line());
      throw error(line, path + ": no sources (add sources: [path, ...])");
    }
    List<Source> checked = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < sources.size(); i++) {
      SourceEntry source = sources.get(i);
      String p = paths.source(source.file());
      int line = source.file().line();
      if (!seen.add(p)) throw error(line, path + ": source " + p + " is listed twice");
      checked.add(source(source, p, path + ".sources[" + i + "]"));
    }
    Optional<String> dotenv = env.dotenv().map(d -> paths.inside(d, "dotenv"));
    Optional<HerokuTarget> heroku = env.heroku().map(h -> heroku(h, path + ".heroku"));
    List<String> live = live(env, path);
    return new Environment(name, checked, dotenv, heroku, new Origin(file, env.name().line()),
        live);
  }

  /** A source's reader: a dotenv dialect, or the whole file as one variable; never both. */
  private Source source(SourceEntry entry, String p, String at) {
    Origin origin = new Origin(file, entry.file().line());
    if (entry.dialect().isPresent() && entry.as().isPresent()) {
      throw error(entry.as().get().line(), at + ": has both dialect and as (as takes the whole "
          + "file as one variable, so no dialect reads it)");
    }
    Optional<DotenvFlavor> dialect = entry.dialect().map(d -> {
      String name = d.value().toLowerCase(java.util.Locale.ROOT);
      return switch (name) {
        case "compose" -> DotenvFlavor.COMPOSE;
        case "python" -> DotenvFlavor.PYTHON;
        default -> throw error(d.line(), at + ".dialect: '" + d.value()
            + "' is not a dotenv dialect (expected compose or python)");
      };
    });
    Optional<String> as = entry.as().map(a -> {
      EnvVar.syntaxProblem(a.value()).ifPresent(problem -> {
        throw error(a.line(), at + ".as: '" + a.value() + "' " + problem);
      });
      return a.value();
    });
    return new Source(p, origin, dialect, as);
  }

  /**
   * The vars the app owns since they were rotated: config var names, each once, and only where
   * there is an app to own them.
   */
  private List<String> live(Env env, String path) {
    if (env.live().isEmpty()) return List.of();
    Located<List<Located<String>>> list = env.live().get();
    if (env.heroku().isEmpty()) {
      throw error(list.line(), path + ".live: only goes with heroku (the vars a rotation left "
          + "on the app)");
    }
    Map<String, Integer> seen = new HashMap<>();
    List<Located<String>> names = list.value();
    for (int i = 0; i < names.size(); i++) {
      Located<String> n = names.get(i);
      String at = path + ".live[" + i + "]";
      EnvVar.nameProblem(n.value()).ifPresent(problem -> {
        throw error(n.line(), at + ": '" + n.value() + "' " + problem);
      });
      Integer first = seen.putIfAbsent(n.value(), n.line());
      if (first != null) {
        throw error(n.line(), at + ": " + n.value() + " is listed twice (first at line " + first
            + ")");
      }
    }
    return names.stream().map(Located::value).toList();
  }

  /** Two environments writing to the same .env or the same app would overwrite each other. */
  private void claim(Map<String, String> targets, Optional<String> target, Env env) {
    if (target.isEmpty()) return;
    String other = targets.putIfAbsent(target.get(), env.name().value());
    if (other != null) {
      throw error(env.name().line(), "environments." + env.name().value() + ": " + target.get()
          + " is already the target of environment " + other);
    }
  }

  private HerokuTarget heroku(Heroku h, String path) {
    if (h.app().isPresent() && h.pipeline().isPresent()) {
      throw error(h.line(), path + ": has both app and pipeline (use one)");
    }
    if (h.app().isPresent()) {
      Located<String> app = h.app().get();
      h.stage().ifPresent(s -> {
        throw error(s.line(), path + ".stage: only goes with pipeline, not app");
      });
      check(APP, app, path + ".app", "is not a Heroku app name (3 to 30 lowercase letters, "
          + "digits and dashes, starting with a letter)");
      return new HerokuTarget.App(app.value());
    }
    String none = h.stage().isPresent()
        ? ": stage needs a pipeline" : ": needs app, or pipeline and stage";
    Located<String> pipeline = h.pipeline().orElseThrow(() -> error(h.line(), path + none));
    check(PIPELINE, pipeline, path + ".pipeline", "is not a Heroku pipeline name");
    Located<String> stage = h.stage().orElseThrow(() -> error(pipeline.line(), path
        + ": pipeline " + pipeline.value() + " needs a stage (one of: " + String.join(", ", STAGES)
        + ")"));
    if (!STAGES.contains(stage.value())) {
      throw error(stage.line(), path + ".stage: '" + stage.value() + "' is not a pipeline stage "
          + "(expected one of: " + String.join(", ", STAGES) + ")");
    }
    return new HerokuTarget.PipelineStage(pipeline.value(), stage.value());
  }

  private MappingRules rules(List<Rename> renames, List<Located<String>> drops) {
    Map<String, String> rename = new LinkedHashMap<>();
    Map<String, Rename> byTarget = new HashMap<>();
    for (Rename r : renames) {
      String from = r.from().value();
      String to = r.to().value();
      EnvVar.nameProblem(to).ifPresent(problem -> {
        throw error(r.to().line(), "rename." + from + ": target '" + to + "' " + problem);
      });
      Rename other = byTarget.putIfAbsent(to, r);
      if (other != null) {
        throw error(r.from().line(), "rename." + from + ": " + to + " is also the target of rename."
            + other.from().value() + " (line " + other.from().line() + ")");
      }
      rename.put(from, to);
    }
    Set<String> drop = new LinkedHashSet<>(texts(drops, "drop"));
    for (Located<String> d : drops) {
      if (rename.containsKey(d.value())) {
        throw error(d.line(), "drop: " + d.value() + " is also renamed in rename (keep one)");
      }
    }
    return new MappingRules(rename, drop);
  }

  private List<String> varNames(List<Located<String>> names, String key) {
    for (Located<String> n : names) {
      EnvVar.nameProblem(n.value()).ifPresent(problem -> {
        throw error(n.line(), key + ": '" + n.value() + "' " + problem);
      });
    }
    return texts(names, key);
  }

  private List<String> texts(List<Located<String>> items, String key) {
    List<String> out = new ArrayList<>();
    for (Located<String> item : items) {
      if (item.value().isBlank()) throw error(item.line(), key + ": empty entry");
      out.add(item.value());
    }
    return out;
  }

  private void check(Pattern pattern, Located<String> value, String path, String problem) {
    if (!pattern.matcher(value.value()).matches()) {
      throw error(value.line(), path + ": '" + value.value() + "' " + problem);
    }
  }

  private ManifestException error(int line, String message) {
    return new ManifestException(file + ":" + line + ": " + message);
  }
}
