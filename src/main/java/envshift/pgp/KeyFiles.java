package envshift.pgp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.gpg.keybox.KeyBlob;
import org.bouncycastle.gpg.keybox.PublicKeyRingBlob;
import org.bouncycastle.gpg.keybox.bc.BcKeyBox;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Reads key material files: OpenPGP exports and keyrings (armored or binary) and GnuPG keyboxes.
 */
final class KeyFiles {
  private static final byte[] KEYBOX_MAGIC = "KBXf".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern ARMOR_BLOCK =
      Pattern.compile("-----BEGIN PGP ([A-Z ]+)-----.*?-----END PGP \\1-----", Pattern.DOTALL);

  /** What one file held: certificates (public keys) and secret key rings. */
  record Contents(List<PGPPublicKeyRing> certificates, List<PGPSecretKeyRing> secretRings) {}

  private KeyFiles() {}

  static Contents read(Path file) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new KeyException(file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
    try {
      return isKeybox(data) ? readKeybox(data) : readOpenPgp(data);
    } catch (IOException | RuntimeException e) {
      throw new KeyException(file + ": not a readable OpenPGP key file or keybox", e);
    }
  }

  /** A keybox starts with a first blob whose magic sits at offset 8. */
  static boolean isKeybox(byte[] data) {
    return data.length >= 12 && Arrays.equals(data, 8, 12, KEYBOX_MAGIC, 0, 4);
  }

  private static Contents readKeybox(byte[] data) throws IOException {
    List<PGPPublicKeyRing> certificates = new ArrayList<>();
    for (KeyBlob blob : new BcKeyBox(data).getKeyBlobs()) {
      if (blob instanceof PublicKeyRingBlob ring) {
        certificates.add(ring.getPGPPublicKeyRing());
      }
    }
    return new Contents(certificates, List.of());
  }

  private static Contents readOpenPgp(byte[] data) throws IOException {
    List<PGPPublicKeyRing> certificates = new ArrayList<>();
    List<PGPSecretKeyRing> secretRings = new ArrayList<>();
    for (byte[] block : armorBlocks(data)) {
      try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(block))) {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(in);
        for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
          if (object instanceof PGPPublicKeyRing ring) {
            certificates.add(ring);
          } else if (object instanceof PGPSecretKeyRing ring) {
            secretRings.add(ring);
            certificates.add(publicPart(ring));
          }
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IOException("no OpenPGP keys found");
    }
    return new Contents(certificates, secretRings);
  }

  /**
   * Binary data as it is; armored text split into its blocks, since exports are often concatenated
   * ({@code cat alice.asc bob.asc}) and the armor decoder stops at the first END line.
   */
  private static List<byte[]> armorBlocks(byte[] data) {
    if (data.length > 0 && (data[0] & 0x80) != 0) {
      return List.of(data);
    }
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Matcher block = ARMOR_BLOCK.matcher(text);
    List<byte[]> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group().getBytes(StandardCharsets.ISO_8859_1));
    }
    return blocks.isEmpty() ? List.of(data) : blocks;
  }

  static PGPPublicKeyRing publicPart(PGPSecretKeyRing ring) {
    List<PGPPublicKey> keys = new ArrayList<>();
    for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return new PGPPublicKeyRing(keys);
  }
}
