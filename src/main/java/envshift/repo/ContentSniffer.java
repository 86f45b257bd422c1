package envshift.repo;

import envshift.pgp.OpenPgp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells an OpenPGP message from other data by its first bytes, without decrypting or parsing past
 * the first packet ({@link OpenPgp#sniff} checks that packet hard), and names the other
 * encryption tools a legacy repo may use, which envshift cannot read.
 */
final class ContentSniffer {
  /** Bytes to read from each file: the first packet header plus the armor header's slack. */
  static final int HEAD_SIZE = 512;

  enum Content {
    BINARY_MESSAGE,
    ARMORED_MESSAGE,
    GIT_CRYPT,
    SOPS,
    /** An OpenPGP packet that cannot start an encrypted message (a key, a signature). */
    OTHER_OPENPGP,
    OTHER
  }

  private static final byte[] GIT_CRYPT_HEADER =
      "\0GITCRYPT\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final String SOPS_VALUE = "ENC[AES256_GCM,data:";

  private ContentSniffer() {}

  /**
   * @param head the first bytes of the file (up to {@link #HEAD_SIZE})
   * @param size the whole file's size, to check the first packet's length against
   */
  static Content sniff(byte[] head, long size) {
    if (startsWith(head, GIT_CRYPT_HEADER)) {
      return Content.GIT_CRYPT;
    }
    return switch (OpenPgp.sniff(head, size)) {
      case ARMORED_MESSAGE -> Content.ARMORED_MESSAGE;
      case BINARY_MESSAGE -> Content.BINARY_MESSAGE;
      case OTHER_OPENPGP -> Content.OTHER_OPENPGP;
      case NOT_OPENPGP ->
          new String(head, StandardCharsets.ISO_8859_1).contains(SOPS_VALUE)
              ? Content.SOPS
              : Content.OTHER;
    };
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    return head.length >= prefix.length
        && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
  }
}
