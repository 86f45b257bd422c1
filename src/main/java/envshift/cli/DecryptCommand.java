package envshift.cli;

import envshift.EnvshiftException;
import envshift.pgp.DecryptedFile;
import envshift.pgp.Decryptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    description = {
      "Decrypt an OpenPGP file to stdout, or to OUT (mode 0600).",
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
    Path input = ctx.cwd().resolve(file);
    byte[] message = read(input);
    Decryptor decryptor = new Decryptor(keys.keyRing(ctx, Optional.empty()));
    DecryptedFile decrypted = decryptor.decrypt(message, file.toString());
    var err = root.spec.commandLine().getErr();
    if (output != null) {
      SecureFiles.write(ctx.cwd().resolve(output), decrypted.plaintext());
      err.println("envshift: decrypted " + file + " to " + output + " (" + describe(decrypted) + ")");
    } else {
      root.spec.commandLine().getOut().print(asText(decrypted.plaintext()));
      root.spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static String describe(DecryptedFile d) {
    return d.symmetric()
        ? "passphrase, " + d.method()
        : "key " + d.decryptedWith().map(Object::toString).orElse("?") + ", " + d.method();
  }

  /** stdout is a text stream here; binary plaintext must go to a file. */
  private String asText(byte[] plaintext) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plaintext))
          .toString();
    } catch (CharacterCodingException e) {
      throw new EnvshiftException(file + ": plaintext is not UTF-8 text; use -o OUT to write it to a file");
    }
  }

  private byte[] read(Path input) {
    try {
      return Files.readAllBytes(input);
    } catch (NoSuchFileException e) {
      throw new EnvshiftException(file + ": no such file", e);
    } catch (IOException e) {
      throw new EnvshiftException(file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
  }
}
