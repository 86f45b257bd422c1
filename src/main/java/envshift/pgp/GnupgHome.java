package envshift.pgp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * A GnuPG home directory read in place, without gpg or its agent: public keys from {@code
 * pubring.kbx} (or a legacy {@code pubring.gpg}), secret keys from {@code private-keys-v1.d}
 * (GnuPG 2.1 and later) and from a GnuPG 1.4 {@code secring.gpg}. Only the {@code .key} files
 * of the keys a message names are ever opened (see {@link KeyFileIndex}); one that cannot be
 * parsed is set aside, not fatal, and named when nothing else matches.
 */
final class GnupgHome {
  /**
   * The home's certificates, its {@code private-keys-v1.d} (its files are opened later, by
   * keygrip, see {@link KeyFileIndex}), the secret rings of a {@code secring.gpg}, and a
   * description of what was searched.
   */
  record Contents(
      List<PGPPublicKeyRing> certificates,
      Path keyDirectory,
      List<PGPSecretKeyRing> secretRings,
      Optional<Path> secring,
      String searched) {}

  private GnupgHome() {}

  static Contents read(Path home) {
    if (!Files.isDirectory(home)) {
      throw new KeyException(home + ": GnuPG home is not a directory");
    }
    Path keyDirectory = home.resolve("private-keys-v1.d");
    int keyFiles = KeyFileIndex.keyFiles(keyDirectory).size();
    Path secring = home.resolve("secring.gpg");
    boolean legacy = Files.isRegularFile(secring);
    List<PGPSecretKeyRing> rings = legacy ? KeyFiles.read(secring).secretRings() : List.of();
    List<PGPPublicKeyRing> certificates = new ArrayList<>(certificates(home));
    rings.forEach(ring -> certificates.add(KeyFiles.publicPart(ring)));
    String searched =
        "GnuPG home "
            + home
            + " ("
            + keyFiles
            + " key files in private-keys-v1.d, opened by the keygrips of the message's keys"
            + (legacy ? ", secring.gpg with " + rings.size() + " keys" : "")
            + ")";
    return new Contents(
        certificates,
        keyDirectory,
        rings,
        legacy ? Optional.of(secring) : Optional.empty(),
        searched);
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
}
