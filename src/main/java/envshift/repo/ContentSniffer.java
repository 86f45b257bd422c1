package envshift.repo;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Tells an OpenPGP message from other data by its first bytes, without decrypting or parsing past
 * the first packet. The first packet header is checked hard (tag, length, version byte), because
 * one byte with the high bit set is common: a Java class file starts with what reads as a
 * new-format marker packet.
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
  private static final String ARMOR_HEADER = "-----BEGIN PGP MESSAGE-----";
  private static final String SOPS_VALUE = "ENC[AES256_GCM,data:";
  private static final int PKESK = 1;
  private static final int SKESK = 3;
  private static final int COMPRESSED = 8;
  private static final int SED = 9;
  private static final int MARKER = 10;
  private static final int SEIPD = 18;
  private static final int AEAD = 20;

  /** Packets that may have partial or indeterminate lengths (RFC 9580 §4.2.1.4). */
  private static final Set<Integer> DATA_PACKETS = Set.of(COMPRESSED, SED, SEIPD, AEAD);

  /** Signatures (2, 4), keys (5, 6, 7, 14) and literal data (11): OpenPGP, but not encrypted. */
  private static final Set<Integer> OTHER_OPENPGP_TAGS = Set.of(2, 4, 5, 6, 7, 11, 14);

  private ContentSniffer() {}

  /**
   * @param head the first bytes of the file (up to {@link #HEAD_SIZE})
   * @param size the whole file's size, to check the first packet's length against
   */
  static Content sniff(byte[] head, long size) {
    if (startsWith(head, GIT_CRYPT_HEADER)) {
      return Content.GIT_CRYPT;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (text.replaceFirst("^\\xEF\\xBB\\xBF", "").stripLeading().startsWith(ARMOR_HEADER)) {
      return Content.ARMORED_MESSAGE;
    }
    if (text.contains(SOPS_VALUE)) {
      return Content.SOPS;
    }
    return PacketHeader.read(head)
        .map(header -> classify(header, head, size))
        .orElse(Content.OTHER);
  }

  private static Content classify(PacketHeader header, byte[] head, long size) {
    boolean dataPacket = DATA_PACKETS.contains(header.tag());
    long end = header.headerLength() + header.bodyLength();
    // An ESK or marker packet is followed by the encrypted data; a data packet that comes first is
    // the whole message.
    boolean lengthFits =
        dataPacket ? !header.definite() || end == size : header.definite() && end < size;
    boolean startsMessage =
        lengthFits
            && switch (header.tag()) {
              case PKESK -> versionIn(head, header, 3, 6);
              case SKESK -> versionIn(head, header, 4, 5, 6);
              case MARKER -> isMarker(head, header);
              case COMPRESSED -> versionIn(head, header, 0, 1, 2, 3); // the algorithm byte
              case SED -> true;
              case SEIPD -> versionIn(head, header, 1, 2);
              case AEAD -> versionIn(head, header, 1);
              default -> false;
            };
    if (startsMessage) {
      return Content.BINARY_MESSAGE;
    }
    return OTHER_OPENPGP_TAGS.contains(header.tag()) && header.definite() && end <= size
        ? Content.OTHER_OPENPGP
        : Content.OTHER;
  }

  private static boolean versionIn(byte[] head, PacketHeader header, int... accepted) {
    int at = header.headerLength();
    if (at >= head.length || (header.definite() && header.bodyLength() < 1)) {
      return false;
    }
    int version = head[at] & 0xFF;
    return Arrays.stream(accepted).anyMatch(v -> v == version);
  }

  private static boolean isMarker(byte[] head, PacketHeader header) {
    int at = header.headerLength();
    return header.bodyLength() == 3
        && head.length >= at + 3
        && head[at] == 'P'
        && head[at + 1] == 'G'
        && head[at + 2] == 'P';
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    return head.length >= prefix.length
        && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
  }
}
