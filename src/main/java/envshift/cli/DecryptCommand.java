package envshift.cli;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import envshift.settings.SettingsException;
import envshift.settings.Utf8Text;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code envshift decrypt FILE [-o OUT]}: like {@code gpg -d}, in-process. */
@Command(
    name = "decrypt",
    mixinStandardHelpOptions = true,
    footer = {
      "%nExamples:",
      "  envshift decrypt configs/settings.py.gpg --secret-key deploy.asc",
      "  envshift decrypt configs/backup.tar.gz.gpg -o backup.tar.gz"},
    description = {
      "Decrypt an OpenPGP file to stdout (UTF-8 text only), or to OUT (mode 0600).",
      "The whole message is read and its integrity checked before any plaintext is released."
    })
final class DecryptCommand implements Callable<Integer> {
  @ParentCommand Envshift root;
  @Mixin KeyOptions keys;

  @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file.")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "Write the plaintext to OUT (mode 0600) instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    Context ctx = root.context();
    byte[] message = SecureFiles.read(ctx.cwd().resolve(file), file.toString());
    Decryptor decryptor = new Decryptor(keys.keyRing(ctx, Optional.empty()));
    try (DecryptedFile decrypted = decryptor.decrypt(message, file.toString())) {
      if (output != null) {
        SecureFiles.write(ctx.cwd().resolve(output), decrypted.plaintext());
        root.spec
            .commandLine()
            .getErr()
            .println(
                "envshift: decrypted " + file + " to " + output + " (" + describe(decrypted) + ")");
      } else {
        PrintWriter out = root.spec.commandLine().getOut();
        out.print(asText(decrypted.plaintext()));
        out.flush();
      }
    }
    return 0;
  }

  private static String describe(DecryptedFile d) {
    return d.symmetric()
        ? "passphrase, " + d.method()
        : "key " + d.decryptedWith().map(Object::toString).orElse("?") + ", " + d.method();
  }

  /**
   * stdout is a text stream (UTF-8) here, so text goes out byte for byte and anything else is
   * refused rather than mangled: binary plaintext must go to a file.
   */
  private String asText(byte[] plaintext) {
    try {
      return Utf8Text.decodeExactly(plaintext, file.toString());
    } catch (SettingsException e) {
      throw new EnvshiftException(
          e.getMessage() + "; not printed to stdout (binary?): use -o OUT to write it to a file",
          e);
    }
  }

}
