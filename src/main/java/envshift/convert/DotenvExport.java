package envshift.convert;

import envshift.access.EncryptionRecipients;
import envshift.convert.EnvironmentLoader.LoadedEnvironment;
import envshift.manifest.Environment;
import envshift.pgp.Recipient;
import envshift.repo.RepoScanner;
import envshift.settings.DotenvFlavor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The dotenv use case: the development environment written as the single dev .env. Encrypted to
 * the recipients when the target ends in .gpg or the development sources were encrypted (unless
 * plain is asked for); a plain file that git would commit is refused unless forced. Everything is
 * checked before the one write.
 */
public final class DotenvExport {
  /** {@code out}: where to write instead of the manifest's dotenv path (absolute). */
  public record Request(Optional<Path> out, boolean plain, DotenvFlavor flavor, boolean force) {
    public Request {
      Objects.requireNonNull(out, "out == null");
      Objects.requireNonNull(flavor, "flavor == null");
    }
  }

  /** What was written; {@code encryptedTo} is empty for a plaintext file. */
  public record Written(String path, int variables, DotenvFlavor flavor,
      Optional<List<Recipient>> encryptedTo) {}

  private final Workspace workspace;
  private final Consumer<LoadedEnvironment> onLoaded;

  public DotenvExport(Workspace workspace, Consumer<LoadedEnvironment> onLoaded) {
    this.workspace = workspace;
    this.onLoaded = onLoaded;
  }

  public Written write(Request request) {
    Environment env = workspace.environment(Environment.DEVELOPMENT, "dotenv writes the development .env");
    LoadedEnvironment loaded = workspace.loader().load(env);
    onLoaded.accept(loaded);
    Path asked = request.out()
        .orElseGet(() -> workspace.root().resolve(env.dotenv().orElse(".env")).normalize());
    boolean encrypt = !request.plain() && (isGpg(asked) || loaded.anySourceEncrypted());
    Path target = withSuffix(asked, encrypt);
    DotenvTarget.check(workspace, target);
    Optional<DotenvFile.Encryption> encryption = Optional.empty();
    if (encrypt) {
      List<Recipient> to = new EncryptionRecipients(workspace.root(), workspace.manifest(),
          workspace::keyRing).recipients("use --plain");
      encryption = Optional.of(new DotenvFile.Encryption(to, workspace.keyRing()));
    } else if (!request.force()) {
      RepoScanner.refuseCommittable(workspace.root(), target);
    }
    String shown = workspace.shown(target);
    DotenvFile.write(target, shown, loaded.vars().values(), request.flavor(), encryption);
    return new Written(shown, loaded.vars().vars().size(), request.flavor(),
        encryption.map(DotenvFile.Encryption::recipients));
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
}
