package envshift.convert;

import envshift.EnvshiftException;
import envshift.Secret;
import envshift.SecureFiles;
import envshift.pgp.Encryptor;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.settings.DotenvFlavor;
import envshift.settings.DotenvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way envshift writes a .env file (the dev .env, a pulled config): the text for a reader
 * (checked by the writer to read back as the variables), encrypted when recipients are given,
 * written complete and mode 0600, then read back from disk byte for byte before success.
 */
public final class DotenvFile {
  /** Who an encrypted .env is for, and the key ring that knows them. */
  public record Encryption(List<Recipient> recipients, KeyRing ring) {
    public Encryption {
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(ring, "ring == null");
    }
  }

  private DotenvFile() {}

  /** The file text as the reader of {@code flavor} reads it; nothing is written. */
  public static String text(Map<String, Secret> vars, DotenvFlavor flavor) {
    return DotenvWriter.write(vars, flavor);
  }

  /** Writes {@code vars} to {@code target}; {@code shown} names it in errors. */
  public static void write(Path target, String shown, Map<String, Secret> vars,
      DotenvFlavor flavor, Optional<Encryption> encryption) {
    byte[] content = text(vars, flavor).getBytes(StandardCharsets.UTF_8);
    try {
      if (encryption.isPresent()) {
        byte[] plain = content;
        content = Encryptor.encrypt(plain, encryption.get().recipients(), encryption.get().ring(),
            false, ".env");
        Arrays.fill(plain, (byte) 0);
      }
      SecureFiles.write(target, content);
      byte[] onDisk = SecureFiles.read(target, shown);
      boolean same = Arrays.equals(onDisk, content);
      Arrays.fill(onDisk, (byte) 0);
      if (!same) {
        throw new EnvshiftException(shown + ": the written file does not read back as written; "
            + "do not use it");
      }
    } finally {
      if (encryption.isEmpty()) Arrays.fill(content, (byte) 0);
    }
  }
}
