package envshift.rotate;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.convert.SourceReader.LoadedSource;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.manifest.Source;
import envshift.repo.BlackboxLayout;
import envshift.settings.EncryptedNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Works out which legacy files a verified migration lets go, and what refers to them. */
public final class CleanupPlanner {
  private CleanupPlanner() {}

  /**
   * The migrated files: encrypted sources of environments with a Heroku app, except those an
   * environment without one still reads (the development .env is built from them).
   */
  public static Set<String> migrated(Manifest manifest, List<LoadedEnvironment> withApp) {
    Set<String> files = new TreeSet<>();
    for (LoadedEnvironment env : withApp) {
      env.sources().stream().filter(LoadedSource::encrypted).map(LoadedSource::path)
          .forEach(files::add);
    }
    files.removeAll(devSources(manifest));
    return files;
  }

  public static CleanupPlan plan(Path repoRoot, Manifest manifest, Set<String> migrated) {
    Optional<BlackboxLayout> blackbox = BlackboxLayout.find(repoRoot);
    List<String> entries = new ArrayList<>();
    List<String> left = new ArrayList<>();
    Set<String> sources = new LinkedHashSet<>();
    manifest.environments().forEach(e -> e.sources().forEach(s -> sources.add(s.path())));
    for (String entry : blackbox.map(BlackboxLayout::files).orElse(List.of())) {
      if (migrated.contains(entry + ".gpg")) {
        entries.add(entry);
      } else if (!sources.contains(entry + ".gpg")
          && Files.exists(repoRoot.resolve(entry + ".gpg"))) {
        left.add(entry + ".gpg");
      }
    }
    Optional<String> list = blackbox.filter(b -> !entries.isEmpty())
        .map(b -> repoRoot.relativize(b.configDir().resolve("blackbox-files.txt")).toString());
    List<String> kept = devSources(manifest).stream()
        .filter(EncryptedNames::named).toList();
    return new CleanupPlan(List.copyOf(migrated), list, entries,
        gitignoreLines(repoRoot, migrated), left, kept);
  }

  private static Set<String> devSources(Manifest manifest) {
    Set<String> dev = new TreeSet<>();
    manifest.environments().stream().filter(e -> e.heroku().isEmpty())
        .map(Environment::sources).forEach(s -> s.stream().map(Source::path).forEach(dev::add));
    return dev;
  }

  /** The root .gitignore lines naming a migrated file's plaintext twin, as blackbox adds them. */
  private static List<String> gitignoreLines(Path repoRoot, Set<String> migrated) {
    Path file = repoRoot.resolve(".gitignore");
    if (!Files.isRegularFile(file)) return List.of();
    Set<String> twins = new LinkedHashSet<>();
    migrated.stream().filter(EncryptedNames::named).map(EncryptedNames::plainName)
        .forEach(twins::add);
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> twins.contains(stripSlash(line.strip()))).toList();
    } catch (IOException e) {
      throw new EnvshiftException(".gitignore: cannot read (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  static String stripSlash(String line) {
    return line.startsWith("/") ? line.substring(1) : line;
  }
}
