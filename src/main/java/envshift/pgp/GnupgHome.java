package envshift.pgp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/**
 * A GnuPG (2.1 or later) home directory read in place, without gpg or its agent: public keys from
 * {@code pubring.kbx} (or a legacy {@code pubring.gpg}), secret keys from {@code
 * private-keys-v1.d}.
 */
final class GnupgHome {
  /** The home's certificates and its parsed (still locked) private key files. */
  record Contents(List<PGPPublicKeyRing> certificates, List<GnupgKeyFile> keyFiles) {}

  private GnupgHome() {}

  static Contents read(Path home) {
    if (!Files.isDirectory(home)) {
      throw new KeyException(home + ": GnuPG home is not a directory");
    }
    return new Contents(certificates(home), keyFiles(home));
  }

  private static List<PGPPublicKeyRing> certificates(Path home) {
    Path keybox = home.resolve("pubring.kbx");
    Path legacy = home.resolve("pubring.gpg");
    if (Files.isRegularFile(keybox)) {
      return KeyFiles.read(keybox).certificates();
    } else if (Files.isRegularFile(legacy)) {
      return KeyFiles.read(legacy).certificates();
    } else if (Files.exists(home.resolve("public-keys.d").resolve("pubring.db"))) {
      // GnuPG >= 2.4.1 keeps public keys in keyboxd's SQLite database, which nothing here can read.
      throw new KeyException(
          home
              + ": public keys are in keyboxd (public-keys.d/pubring.db), which envshift cannot"
              + " read; export the keys instead (gpg --export-secret-keys --armor > keys.asc) and"
              + " use --secret-key keys.asc");
    }
    return List.of();
  }

  private static List<GnupgKeyFile> keyFiles(Path home) {
    Path directory = home.resolve("private-keys-v1.d");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<GnupgKeyFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.sorted().toList()) {
        if (file.getFileName().toString().endsWith(".key") && Files.isRegularFile(file)) {
          files.add(GnupgKeyFile.read(file));
        }
      }
    } catch (IOException e) {
      throw new KeyException(directory + ": cannot list secret keys", e);
    }
    return files;
  }
}
