package envshift.cli;

import envshift.EnvshiftException;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.manifest.Manifest;
import envshift.pgp.Encryptor;
import envshift.pgp.Recipient;
import envshift.repo.RepoScanner;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift dotenv}: writes the single development .env. Encrypted to the recipients when the
 * manifest's path ends in .gpg or the legacy sources were encrypted (unless --plain); a plain file that
 * git would commit is refused unless --force.
 */
@Command(
    name = "dotenv",
    mixinStandardHelpOptions = true,
    description = "Write the development .env (mode 0600), encrypted when the sources were.")
final class DotenvCommand implements Callable<Integer> {
  static final String DEVELOPMENT = "development";

  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;

  @Option(names = "--out", paramLabel = "PATH", description = "Where to write (default: the manifest's dotenv path, else .env).")
  Path out;

  @Option(names = "--plain", description = "Write plaintext even though the sources were encrypted.")
  boolean plain;

  @Option(names = "--flavor", paramLabel = "FLAVOR", description = "The reader to write for: compose (default) or python.")
  String flavor = "compose";

  @Option(names = "--force", description = "Write a plain .env even if .gitignore does not ignore it.")
  boolean force;

  @Override
  public Integer call() {
    DotenvFlavor dialect = parseFlavor(flavor);
    Conversion conversion = new Conversion(root.context(), repo, keys);
    Manifest manifest = conversion.manifest();
    Environment env = manifest.environment(DEVELOPMENT);
    LoadedEnvironment loaded = conversion.loader().load(env);
    PrintWriter err = root.spec.commandLine().getErr();
    Conversion.report(loaded, err);

    Path target = target(conversion.root(), env);
    boolean encrypt = !plain && (target.toString().endsWith(".gpg") || loaded.anySourceEncrypted());
    if (encrypt && !target.toString().endsWith(".gpg")) {
      target = target.resolveSibling(target.getFileName() + ".gpg");
    }
    String text = DotenvWriter.write(loaded.vars().values(), dialect);
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    String how;
    if (encrypt) {
      List<Recipient> to = new RecipientsFinder(conversion).recipients("use --plain");
      content = Encryptor.encrypt(content, to, conversion.keyRing(), false, ".env");
      how = "encrypted to " + RecipientsFinder.describe(to);
    } else {
      refuseIfCommittable(conversion.root(), target);
      how = "plaintext";
    }
    SecureFiles.write(target, content);
    root.spec.commandLine().getOut().printf(
        "wrote %s: %d variables, %s flavor, %s, mode 0600%n",
        display(conversion.root(), target), loaded.vars().vars().size(),
        dialect.name().toLowerCase(java.util.Locale.ROOT), how);
    return 0;
  }

  private Path target(Path repoRoot, Environment env) {
    if (out != null) return root.context().cwd().resolve(out).normalize();
    return repoRoot.resolve(env.dotenv().orElse(".env")).normalize();
  }

  private void refuseIfCommittable(Path repoRoot, Path target) {
    if (force || !target.startsWith(repoRoot)) return;
    String relative = repoRoot.relativize(target).toString().replace('\\', '/');
    if (!RepoScanner.isIgnored(repoRoot, relative)) {
      throw new EnvshiftException(
          "refusing to write plaintext " + relative + ": .gitignore does not ignore it"
              + " (add it to .gitignore, or use --force)");
    }
  }

  private static String display(Path repoRoot, Path target) {
    return target.startsWith(repoRoot) ? repoRoot.relativize(target).toString() : target.toString();
  }

  static DotenvFlavor parseFlavor(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "compose" -> DotenvFlavor.COMPOSE;
      case "python" -> DotenvFlavor.PYTHON;
      default -> throw EnvshiftException.usage("unknown --flavor '" + name + "' (expected compose or python)");
    };
  }
}
