package envshift.cli;

import envshift.EnvshiftException;
import envshift.manifest.ManifestLoader;
import envshift.repo.FileKind;
import envshift.repo.InitWriter;
import envshift.repo.ManifestDraft;
import envshift.repo.RepoFile;
import envshift.repo.RepoScan;
import envshift.repo.RepoScanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift init}: scan a legacy repo and draft a commented envshift.yml to review. It takes
 * no key options on purpose: OpenPGP files are recognised by their packet headers, never decrypted.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift init",
      "  envshift init --repo ../legacy-app --force"},
    description = {
      "Scan the repo for encrypted and plain settings files and draft envshift.yml for review.",
      "Never decrypts anything; never overwrites a manifest without --force."
    })
final class InitCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;

  @Option(names = "--force", description = "Overwrite an existing envshift.yml.")
  boolean force;

  @Override
  public Integer call() {
    Path repoRoot = repo.root(root.context());
    RepoScan scan = RepoScanner.scan(repoRoot);
    String draft = ManifestDraft.render(scan);
    Path written = InitWriter.write(repoRoot, draft, force);
    PrintWriter out = root.spec.commandLine().getOut();
    for (RepoFile f : scan.files()) {
      if (f.kind() == FileKind.UNKNOWN && !f.encrypted()) continue;
      out.printf(
          "  %-8s %-9s %-14s %s%n",
          f.kind().name().toLowerCase(Locale.ROOT),
          f.encrypted() ? "encrypted" : "plain",
          f.environment().orElse("?"),
          f.path());
    }
    out.println("wrote " + repoRoot.relativize(written) + ": review it, then run `envshift show`");
    checkLoads(repoRoot, draft);
    return 0;
  }

  /** A draft that needs hand edits before it loads says so now, rather than at the next command. */
  private void checkLoads(Path repoRoot, String draft) {
    try {
      ManifestLoader.parse(draft, ManifestLoader.FILE_NAME, repoRoot);
    } catch (EnvshiftException e) {
      root.warnings().warn("the draft needs editing before it loads: " + e.getMessage());
    }
  }
}
