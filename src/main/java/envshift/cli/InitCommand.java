package envshift.cli;

import envshift.repo.FileKind;
import envshift.repo.InitWriter;
import envshift.repo.ManifestDraft;
import envshift.repo.RepoFile;
import envshift.repo.RepoScan;
import envshift.repo.RepoScanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code envshift init}: scan a legacy repo and draft a commented envshift.yml to review. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
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
    Path written = InitWriter.write(repoRoot, ManifestDraft.render(scan), force);
    PrintWriter out = root.spec.commandLine().getOut();
    for (RepoFile f : scan.files()) {
      if (f.kind() == FileKind.UNKNOWN && !f.encrypted()) continue;
      out.printf(
          "  %-8s %-9s %-14s %s%n",
          f.kind().name().toLowerCase(java.util.Locale.ROOT),
          f.encrypted() ? "encrypted" : "plain",
          f.environment().orElse("?"),
          f.path());
    }
    out.println("wrote " + repoRoot.relativize(written) + ": review it, then run `envshift show`");
    return 0;
  }
}
