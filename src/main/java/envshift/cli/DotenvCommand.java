package envshift.cli;

import envshift.EnvshiftException;
import envshift.access.EncryptionRecipients;
import envshift.convert.DotenvExample;
import envshift.convert.DotenvExport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code envshift dotenv}: writes the single development .env. Encrypted to the recipients when the
 * target ends in .gpg or the development sources were encrypted (unless --plain); a plain file that
 * git would commit is refused unless --force. Everything is checked before the one write. With
 * --example: the names only, no value, for the repository to commit.
 */
@Command(
    name = "dotenv",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift dotenv",
      "  envshift dotenv --plain --force",
      "  envshift dotenv --example --out .env.example"},
    description = "Write the development .env (mode 0600), encrypted when the sources were.")
final class DotenvCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin RepoOptions repo;
  @Mixin KeyOptions keys;
  @Mixin FlavorOption flavor;
  @Mixin StrictOptions strict;

  @Option(
      names = "--out",
      paramLabel = "PATH",
      description = "Where to write (default: the manifest's dotenv path, else .env).")
  Path out;

  @Option(names = "--plain", description = "Write plaintext even where it would be encrypted.")
  boolean plain;

  @Option(
      names = "--force",
      description = "Write a plain .env even if .gitignore does not ignore it.")
  boolean force;

  @Option(
      names = "--example",
      description = "Write every variable name with no value, each under a comment naming its "
          + "file and line (default: the dotenv path + .example, mode 0644, never encrypted).")
  boolean example;

  @Override
  public Integer call() {
    if (example) return writeExample();
    DotenvExport.Request request =
        new DotenvExport.Request(outPath(), plain, flavor.flavor(), force);
    DotenvExport.Written written = new DotenvExport(root.workspace(repo, keys),
        loaded -> {
          root.warnings().collect(loaded);
          strict.check(loaded);
        }).write(request);
    root.out().printf("wrote %s: %d variables, %s flavor, %s, mode 0600%n", written.path(),
        written.variables(), written.flavor().name().toLowerCase(Locale.ROOT),
        written.encryptedTo().map(to -> "encrypted to " + EncryptionRecipients.describe(to))
            .orElse("plaintext"));
    return 0;
  }

  private int writeExample() {
    if (plain || force) {
      throw EnvshiftException.usage("dotenv: --example writes no value, so --plain and --force "
          + "do not apply");
    }
    DotenvExample.Written written = new DotenvExample(root.workspace(repo, keys),
        loaded -> {
          root.warnings().collect(loaded);
          strict.check(loaded);
        }).write(outPath());
    root.out().printf("wrote %s: %d variable names, no values, mode 0644%n", written.path(),
        written.variables());
    return 0;
  }

  private Optional<Path> outPath() {
    return Optional.ofNullable(out).map(o -> root.context().cwd().resolve(o).normalize());
  }
}
