package envshift.cli;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.pgp.Decryptor;
import envshift.plan.Shown;
import envshift.scan.FingerprintedFile;
import envshift.scan.Fingerprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envshift textconv FILE}: a git diff driver's view of a settings file, no value in it. */
@Command(
    name = "textconv",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift textconv configs/settings.py.gpg",
      "  echo '*.gpg diff=envshift' >> .gitattributes",
      "  git config diff.envshift.textconv \"envshift textconv\""},
    description = {
      "Print a settings file's variables sorted by name, each with a short keyed fingerprint of"
          + " its value instead of the value, for git diff (a textconv driver).",
      "The key is made on first use in the repo's git directory (else under ~/.envshift), never"
          + " committed."
    })
final class TextconvCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin KeyOptions keys;

  @Parameters(index = "0", paramLabel = "FILE",
      description = "The file, encrypted or not (git passes a temp file holding the version).")
  Path file;

  @Override
  public Integer call() {
    Context ctx = root.context();
    var lines = FingerprintedFile.read(ctx.cwd().resolve(file),
        () -> new Decryptor(keys.keyRing(ctx, Optional.empty())),
        () -> Fingerprints.keyedBy(keyFile(ctx)));
    PrintWriter out = root.out();
    lines.forEach(l -> out.println(Shown.visible(l.name()) + "  " + l.fingerprint()));
    return 0;
  }

  /**
   * Per repo (git runs the driver in the work tree's top directory): the same key for every
   * version, so equal values show equal fingerprints; outside a repo, per user.
   */
  private static Path keyFile(Context ctx) {
    try {
      return SecureFiles.gitDir(ctx.cwd())
          .map(git -> git.resolve("envshift-fingerprint.key"))
          .orElse(ctx.home().resolve(".envshift").resolve("fingerprint.key"));
    } catch (IOException e) {
      throw new EnvshiftException(
          "cannot find the git directory (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
