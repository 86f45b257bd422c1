package envshift.rotate;

import envshift.EnvshiftException;
import envshift.manifest.Manifest;
import envshift.manifest.ManifestEditor;
import envshift.manifest.ManifestLoader;
import envshift.manifest.ManifestWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Carries out a {@link CleanupPlan}: in a git checkout, {@code git rm} for the files and the edited
 * lists staged; otherwise plain deletes. git gets repo-relative paths only, never a value.
 */
public final class RepoCleaner {
  private static final Pattern LINE = Pattern.compile("(?<=\n)|(?<=\r(?!\n))");

  private final Path root;

  public RepoCleaner(Path repoRoot) {
    this.root = repoRoot;
  }

  /** One line per thing done, for the user. */
  public List<String> execute(CleanupPlan plan) {
    return execute(plan, Optional.empty());
  }

  /**
   * As {@link #execute(CleanupPlan)}, and the removed files stop being sources in envshift.yml: their
   * values now live on Heroku only (comments and layout of the manifest are kept).
   */
  public List<String> execute(CleanupPlan plan, Optional<Manifest> manifest) {
    boolean git = insideGitCheckout();
    List<String> done = new ArrayList<>();
    if (git) {
      run(join(List.of("rm", "--quiet", "--ignore-unmatch", "--"), plan.files()));
    }
    for (String file : plan.files()) {
      delete(file);
      done.add("removed " + file + (git ? " (git rm)" : ""));
    }
    List<String> edited = new ArrayList<>();
    plan.blackboxList().ifPresent(list -> {
      removeLines(list, plan.blackboxEntries());
      edited.add(list);
      done.add(list + ": removed " + String.join(", ", plan.blackboxEntries()));
    });
    if (!plan.gitignoreLines().isEmpty()) {
      removeLines(".gitignore", plan.gitignoreLines());
      edited.add(".gitignore");
      done.add(".gitignore: removed " + String.join(", ", plan.gitignoreLines()));
    }
    manifest.ifPresent(m -> {
      if (dropSources(m, plan.files())) {
        edited.add(ManifestLoader.FILE_NAME);
        done.add(ManifestLoader.FILE_NAME + ": removed the deleted files from the sources");
      }
    });
    if (git && !edited.isEmpty()) {
      run(join(List.of("add", "--update", "--"), edited));
    }
    return List.copyOf(done);
  }

  private boolean dropSources(Manifest manifest, List<String> removed) {
    try {
      String text = ManifestWriter.read(root);
      String edited = ManifestEditor.withoutSources(text, manifest, Set.copyOf(removed));
      return ManifestWriter.replace(root, text, edited);
    } catch (EnvshiftException e) {
      throw new EnvshiftException(ManifestLoader.FILE_NAME + ": cannot update the sources ("
          + e.getMessage() + "); remove the deleted files from it by hand", e);
    }
  }

  private void delete(String file) {
    try {
      Files.deleteIfExists(root.resolve(file));
    } catch (IOException e) {
      throw new EnvshiftException(file + ": cannot delete (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  /** Drops each line whose text (stripped, without "./") is in {@code lines}; keeps the rest. */
  private void removeLines(String relative, List<String> lines) {
    Set<String> wanted = new HashSet<>();
    lines.forEach(l -> wanted.add(normal(l)));
    Path file = root.resolve(relative);
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      StringBuilder kept = new StringBuilder();
      for (String line : LINE.split(text, -1)) {
        if (!wanted.contains(normal(line))) kept.append(line);
      }
      Files.writeString(file, kept.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EnvshiftException(relative + ": cannot update (" + e.getClass().getSimpleName()
          + ")", e);
    }
  }

  private static String normal(String line) {
    String s = line.strip();
    return s.startsWith("./") ? s.substring(2) : s;
  }

  private boolean insideGitCheckout() {
    try {
      return run(List.of("rev-parse", "--is-inside-work-tree")).strip().equals("true");
    } catch (EnvshiftException e) {
      return false; // no git, or not a checkout: plain deletes
    }
  }

  private String run(List<String> args) {
    List<String> command = join(List.of("git", "-C", root.toString()), args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        throw new EnvshiftException("git " + args.get(0) + " failed in " + root + ": "
            + out.strip().replaceAll("\\s+", " "));
      }
      return out;
    } catch (IOException e) {
      throw new EnvshiftException("cannot run git (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EnvshiftException("interrupted while running git", e);
    }
  }

  private static List<String> join(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
