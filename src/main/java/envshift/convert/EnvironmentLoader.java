package envshift.convert;

import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.Source;
import envshift.mapping.ConfigLimit;
import envshift.mapping.EnvMapper;
import envshift.mapping.EnvSet;
import envshift.mapping.HerokuNames;
import envshift.mapping.MappingNote;
import envshift.settings.ParseWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * The conversion pipeline for one environment of a manifest: each source decrypted and parsed (in
 * manifest order), merged and mapped to env vars, then checked against Heroku's config size limit.
 * A command that loads several environments reads their sources ahead ({@link #readAhead}).
 */
public final class EnvironmentLoader {
  private final Manifest manifest;
  private final SourceReader reader;

  public EnvironmentLoader(Manifest manifest, SourceReader reader) {
    this.manifest = manifest;
    this.reader = reader;
  }

  public LoadedEnvironment load(Environment env) {
    List<SourceReader.LoadedSource> sources = new ArrayList<>();
    for (Source source : env.sources()) {
      sources.add(reader.load(source));
    }
    EnvSet vars =
        EnvMapper.map(
            sources.stream().map(SourceReader.LoadedSource::module).toList(), manifest.rules());
    // Heroku's rules bind only what goes to Heroku: a development .env may hold HEROKU_* names
    if (env.heroku().isPresent()) {
      HerokuNames.check(env.name(), vars);
      ConfigLimit.check(env.name(), vars);
    }
    List<ParseWarning> warnings = new ArrayList<>();
    sources.forEach(s -> warnings.addAll(s.module().warnings()));
    return new LoadedEnvironment(env, sources, vars, warnings);
  }

  /**
   * Starts decrypting and parsing the sources of {@code envs}, the environments about to be
   * loaded, in this order, on other threads; {@link #load} takes each result in its turn, so the
   * outcome is the same as without. Only their sources are read, each once. One environment is
   * read on the calling thread alone: no thread is started for it. Close the handle after the
   * loop (try-with-resources).
   */
  public ReadAhead readAhead(List<Environment> envs) {
    return readAhead(envs, Runtime.getRuntime().availableProcessors());
  }

  ReadAhead readAhead(List<Environment> envs, int threads) {
    if (envs.size() < 2) return ReadAhead.none();
    return reader.readAhead(envs.stream().flatMap(env -> env.sources().stream()).toList(),
        threads);
  }

  public LoadedEnvironment load(String envName) {
    return load(manifest.environment(envName));
  }

  /** One environment after conversion, with what was met on the way. */
  public record LoadedEnvironment(
      Environment environment,
      List<SourceReader.LoadedSource> sources,
      EnvSet vars,
      List<ParseWarning> warnings) {
    public LoadedEnvironment {
      sources = List.copyOf(sources);
      warnings = List.copyOf(warnings);
    }

    /**
     * Every warning of the conversion, one line each ({@code file:line: message}): the parsers'
     * and the mapping notes that lost something. {@code --strict} fails on any of them.
     */
    public List<String> allWarnings() {
      List<String> all = new ArrayList<>();
      warnings.forEach(w -> all.add(w.toString()));
      vars.notes().stream().filter(MappingNote::isWarning).forEach(n -> all.add(n.toString()));
      return List.copyOf(all);
    }

    public boolean anySourceEncrypted() {
      return sources.stream().anyMatch(SourceReader.LoadedSource::encrypted);
    }
  }
}
