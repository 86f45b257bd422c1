package envshift.cli;

import envshift.EnvshiftException;
import envshift.pgp.DecryptOptions;
import envshift.pgp.KeyRing;
import envshift.pgp.PassphraseSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where secret keys come from. Passphrases are never taken from the command line (they would show
 * in the process list): a file, ENVSHIFT_PASSPHRASE, or a prompt when a console is attached.
 */
final class KeyOptions {
  @Option(
      names = "--secret-key",
      paramLabel = "FILE",
      description = "An exported secret key (gpg --export-secret-keys [--armor]). Repeatable.")
  List<Path> secretKeys = new ArrayList<>();

  @Option(
      names = "--gnupg-home",
      paramLabel = "DIR",
      description = "A GnuPG home to read keys from (default: $GNUPGHOME, else ~/.gnupg).")
  Path gnupgHome;

  @Option(
      names = "--public-key",
      paramLabel = "FILE",
      description = "Public keys to encrypt to (gpg --export [--armor]). Repeatable.")
  List<Path> publicKeys = new ArrayList<>();

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description = "Read the key or message passphrase from FILE (first line).")
  Path passphraseFile;

  @Option(
      names = DecryptOptions.ALLOW_NO_MDC,
      description =
          "Decrypt messages without integrity protection (no MDC), which gpg 2.2+ refuses;"
              + " each one is named in a warning.")
  boolean allowNoMdc;

  /** The command this mixin is part of: its root's warnings take the decrypt warnings. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /**
   * Builds the key ring; public keys of the repo keyring (blackbox) are added for naming
   * recipients.
   */
  KeyRing keyRing(Context ctx, Optional<Path> repoKeyring) {
    KeyRing.Builder builder =
        KeyRing.builder().passphrases(passphrases(ctx)).decryptOptions(decryptOptions());
    secretKeys.forEach(builder::secretKeyFile);
    defaultHome(ctx).ifPresent(builder::gnupgHome);
    repoKeyring.ifPresent(builder::publicKeyFile);
    publicKeys.forEach(builder::publicKeyFile);
    return builder.build();
  }

  /**
   * The GnuPG home to read: the explicit one, or the default one only when no key file was given.
   */
  private Optional<Path> defaultHome(Context ctx) {
    if (gnupgHome != null) return Optional.of(gnupgHome);
    if (!secretKeys.isEmpty()) return Optional.empty();
    Path home = ctx.getenv("GNUPGHOME").map(Path::of).orElse(ctx.home().resolve(".gnupg"));
    return Files.isDirectory(home.resolve("private-keys-v1.d"))
        ? Optional.of(home)
        : Optional.empty();
  }

  DecryptOptions decryptOptions() {
    return new DecryptOptions(
        allowNoMdc,
        warning -> Envshift.of(mixee).warnings().warn(warning));
  }

  PassphraseSource passphrases(Context ctx) {
    return forWhat -> {
      if (passphraseFile != null) return Optional.of(readPassphraseFile(passphraseFile));
      Optional<String> fromEnv = ctx.getenv("ENVSHIFT_PASSPHRASE");
      if (fromEnv.isPresent()) return Optional.of(fromEnv.get().toCharArray());
      return ctx.console().map(c -> c.readPassword("Passphrase for %s: ", forWhat));
    };
  }

  private static char[] readPassphraseFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      int newline = content.indexOf('\n');
      String first = newline < 0 ? content : content.substring(0, newline);
      return first.replace("\r", "").toCharArray();
    } catch (IOException e) {
      throw new EnvshiftException(
          file + ": cannot read the passphrase file (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
