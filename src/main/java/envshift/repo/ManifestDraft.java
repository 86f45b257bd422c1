package envshift.repo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The commented {@code envshift.yml} that {@code envshift init} writes for review: one environment
 * per guessed name with its settings files as sources, and everything it could not place listed in
 * comments (when no name tells any environment, the settings files form one guessed {@code
 * production}). Names files and apps only, never a value. Same scan, same text.
 */
public final class ManifestDraft {
  private static final String DEVELOPMENT = EnvironmentGuesser.DEVELOPMENT;
  private static final List<String> FIRST = List.of(DEVELOPMENT, "staging", "production");
  private static final String GUESSED = "production";

  /** development, staging, production, then the others alphabetically. */
  private static final Comparator<String> ENVIRONMENT_ORDER =
      Comparator.<String>comparingInt(
              name -> FIRST.contains(name) ? FIRST.indexOf(name) : FIRST.size())
          .thenComparing(Comparator.naturalOrder());

  private ManifestDraft() {}

  /** The draft for a scan. */
  public static String render(RepoScan scan) {
    Map<String, List<RepoFile>> environments = new TreeMap<>(ENVIRONMENT_ORDER);
    List<RepoFile> unassigned = new ArrayList<>();
    List<String> infra = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (RepoFile file : scan.files()) {
      switch (file.kind()) {
        case SETTINGS -> place(file, environments, unassigned);
        case INFRA -> infra.add(file.path());
        case UNKNOWN -> unknown.add(file.path());
      }
    }
    // No name told any environment (a lone app_config.py.gpg): one guessed environment keeps the
    // draft loadable; the user renames it. With other environments found, the rest stay comments.
    boolean guessed = environments.isEmpty() && !unassigned.isEmpty();
    if (guessed) {
      environments.put(GUESSED, List.copyOf(unassigned));
      unassigned.clear();
    }
    String repoName = repoName(scan);
    StringBuilder out = new StringBuilder();
    header(out, repoName);
    out.append("version: 1\n");
    recipients(out, scan);
    environments(out, environments, repoName, guessed, scan);
    out.append("rename: {}  # legacy name: config var, e.g. {SECRET_KEY: DJANGO_SECRET_KEY}\n")
        .append("drop: []  # legacy settings not to migrate, e.g. [STATIC_ROOT]\n");
    comments(
        out,
        "unassigned settings files (add them to an environment):",
        unassigned.stream().map(RepoFile::path).toList());
    comments(out, "not migrated (infrastructure, review by hand):", infra);
    comments(out, "unknown files (not recognised as settings, review by hand):", unknown);
    comments(out, "problems found while scanning:", scan.problems());
    return out.toString();
  }

  private static void place(
      RepoFile file, Map<String, List<RepoFile>> environments, List<RepoFile> unassigned) {
    file.environment()
        .ifPresentOrElse(
            env -> environments.computeIfAbsent(env, e -> new ArrayList<>()).add(file),
            () -> unassigned.add(file));
  }

  private static void header(StringBuilder out, String repoName) {
    out.append("# envshift.yml drafted by `envshift init` from the files found in ")
        .append(comment(repoName))
        .append(".\n")
        .append(
            "# Review it before use: the environments, their sources and the Heroku app names\n")
        .append("# are guesses from file names. It names files and apps, never a secret value.\n");
  }

  private static void recipients(StringBuilder out, RepoScan scan) {
    Optional<BlackboxLayout> blackbox = scan.blackbox().filter(b -> !b.admins().isEmpty());
    if (blackbox.isEmpty()) {
      out.append("# recipients: [you@example.org]  # who encrypted outputs are for;")
          .append(" default: the legacy files' recipients\n");
      return;
    }
    String admins = scan.root().relativize(blackbox.get().configDir()) + "/blackbox-admins.txt";
    out.append("recipients: ")
        .append(YamlText.flow(blackbox.get().admins()))
        .append("  # who encrypted outputs are for; from ")
        .append(comment(admins))
        .append('\n');
  }

  private static void environments(
      StringBuilder out,
      Map<String, List<RepoFile>> environments,
      String repoName,
      boolean guessed,
      RepoScan scan) {
    if (environments.isEmpty()) {
      out.append("environments: {}  # TODO: no settings file found; add environments by hand\n");
      return;
    }
    out.append("environments:\n");
    environments.forEach(
        (name, files) -> {
          out.append("  ").append(YamlText.scalar(name)).append(':');
          if (guessed) {
            out.append("  # TODO: no file name tells the environment; rename it if need be");
          }
          out.append('\n');
          sources(out, files, scan);
          if (name.equals(DEVELOPMENT)) {
            boolean encrypted = files.stream().anyMatch(RepoFile::encrypted);
            out.append("    dotenv: ")
                .append(encrypted ? ".env.gpg" : ".env")
                .append("  # the single dev .env; `.env.gpg` means encrypt it to `recipients`\n");
          } else {
            out.append("    heroku: {app: ")
                .append(YamlText.scalar(herokuApp(repoName, name)))
                .append("}  # TODO: check the app name\n");
          }
        });
  }

  /** A flow list of paths, or a block list when evidence names how a file is read. */
  private static void sources(StringBuilder out, List<RepoFile> files, RepoScan scan) {
    if (files.stream().noneMatch(f -> scan.reader(f.path()).isPresent())) {
      out.append("    sources: ").append(YamlText.flow(files.stream().map(RepoFile::path)
          .toList())).append('\n');
      return;
    }
    out.append("    sources:\n");
    for (RepoFile f : files) {
      String path = YamlText.scalar(f.path());
      out.append("      - ").append(scan.reader(f.path())
          .map(r -> "{file: " + path + ", " + r + "}").orElse(path)).append('\n');
    }
  }

  private static void comments(StringBuilder out, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("\n# ").append(title).append('\n');
    lines.forEach(line -> out.append("#   ").append(comment(line)).append('\n'));
  }

  /** A comment can hold anything but a line break; quote what could carry one. */
  private static String comment(String text) {
    boolean breaks =
        text.chars()
            .anyMatch(c -> c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029);
    return breaks ? YamlText.scalar(text) : text;
  }

  private static String repoName(RepoScan scan) {
    Path name = scan.root().getFileName();
    return name == null ? "app" : name.toString();
  }

  /** Heroku app names are lower-case letters, digits and dashes, starting with a letter. */
  static String herokuApp(String repoName, String environment) {
    String app =
        (repoName + "-" + environment)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[^a-z]+|-+$", "");
    return app.isEmpty() ? "app-" + environment : app;
  }
}
