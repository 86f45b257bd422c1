package envshift.cli;

import envshift.EnvshiftException;
import envshift.access.EncryptionRecipients;
import envshift.convert.Workspace;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.pgp.Encryptor;
import envshift.pgp.Recipient;
import envshift.SecureFiles;
import envshift.repo.RepoScanner;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift dotenv}: writes the single development .env. Encrypted to the recipients when the
 * target ends in .gpg or the development sources were encrypted (unless --plain); a plain file that
 * git would commit is refused unless --force. Everything is checked before the one write.
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
  @Mixin StrictOptions strict;

  @Option(
      names = "--out",
      paramLabel = "PATH",
      description = "Where to write (default: the manifest's dotenv path, else .env).")
  Path out;

  @Option(names = "--plain", description = "Write plaintext even where it would be encrypted.")
  boolean plain;

  @Option(
      names = "--flavor",
      paramLabel = "FLAVOR",
      description = "The reader to write for: compose (default) or python.")
  String flavor = "compose";

  @Option(
      names = "--force",
      description = "Write a plain .env even if .gitignore does not ignore it.")
  boolean force;

  @Override
  public Integer call() {
    DotenvFlavor dialect = parseFlavor(flavor);
    Workspace conversion = root.workspace(repo, keys);
    Environment env = conversion.environment(DEVELOPMENT, "dotenv writes the development .env");
    LoadedEnvironment loaded = conversion.loader().load(env);
    ConversionNotes.print(loaded, root.err());
    strict.check(loaded);

    Path asked = target(conversion.root(), env);
    boolean encrypt = !plain && (isGpg(asked) || loaded.anySourceEncrypted());
    Path target = withSuffix(asked, encrypt);
    byte[] content =
        DotenvWriter.write(loaded.vars().values(), dialect).getBytes(StandardCharsets.UTF_8);
    String how;
    if (encrypt) {
      List<Recipient> to = new EncryptionRecipients(conversion.root(), conversion.manifest(),
          conversion::keyRing).recipients("use --plain");
      content = Encryptor.encrypt(content, to, conversion.keyRing(), false, ".env");
      how = "encrypted to " + EncryptionRecipients.describe(to);
    } else {
      if (!force) RepoScanner.refuseCommittable(conversion.root(), target);
      how = "plaintext";
    }
    SecureFiles.write(target, content);
    root.spec
        .commandLine()
        .getOut()
        .printf(
            "wrote %s: %d variables, %s flavor, %s, mode 0600%n",
            conversion.shown(target),
            loaded.vars().vars().size(),
            dialect.name().toLowerCase(Locale.ROOT),
            how);
    return 0;
  }

  private Path target(Path repoRoot, Environment env) {
    if (out != null) return root.context().cwd().resolve(out).normalize();
    return repoRoot.resolve(env.dotenv().orElse(".env")).normalize();
  }

  /** An encrypted file ends in .gpg, a plaintext one never does. */
  private static Path withSuffix(Path target, boolean encrypted) {
    String name = target.getFileName().toString();
    if (encrypted && !isGpg(target)) return target.resolveSibling(name + ".gpg");
    if (!encrypted && isGpg(target)) {
      return target.resolveSibling(name.substring(0, name.length() - ".gpg".length()));
    }
    return target;
  }

  private static boolean isGpg(Path target) {
    return target.getFileName().toString().endsWith(".gpg");
  }

  static DotenvFlavor parseFlavor(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "compose" -> DotenvFlavor.COMPOSE;
      case "python" -> DotenvFlavor.PYTHON;
      default ->
          throw EnvshiftException.usage(
              "unknown --flavor '" + name + "' (expected compose or python)");
    };
  }
}
