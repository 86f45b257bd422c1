package envshift.pgp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/**
 * Content sniffing: does a file hold an OpenPGP encrypted message, whatever its name says. The one
 * home of that question, at two strengths over the same header reader: {@link #looksLikeOpenPgp}
 * asks whether a file claims to be a message (what decrypting does, so a damaged message is
 * reported as damaged), {@link #sniff} whether it really starts one (what scanning a whole repo
 * does, where a stray high byte is common: a Java class file starts with what reads as a
 * new-format marker packet).
 */
public final class OpenPgp {
  /** What the first bytes of a file are, as far as OpenPGP goes. */
  public enum Content {
    BINARY_MESSAGE,
    ARMORED_MESSAGE,
    /** An OpenPGP packet that cannot start an encrypted message (a key, a signature). */
    OTHER_OPENPGP,
    NOT_OPENPGP
  }

  private static final String ARMOR_HEADER = "-----BEGIN PGP MESSAGE-----";

  /** Bytes of armor slack looked at: blank lines before the header are allowed, not a novel. */
  private static final int ARMOR_SCAN = 4096;

  private static final int PKESK = 1;
  private static final int SKESK = 3;
  private static final int COMPRESSED = 8;
  private static final int SED = 9;
  private static final int MARKER = 10;
  private static final int SEIPD = 18;
  private static final int AEAD = 20;

  /** PKESK, SKESK, marker, compressed, SED, SEIPD and the LibrePGP OCB packet. */
  private static final Set<Integer> FIRST_TAGS =
      Set.of(PKESK, SKESK, MARKER, COMPRESSED, SED, SEIPD, AEAD);

  /** Packets that may have partial or indeterminate lengths (RFC 9580 §4.2.1.4). */
  private static final Set<Integer> DATA_PACKETS = Set.of(COMPRESSED, SED, SEIPD, AEAD);

  /** Signatures (2, 4), keys (5, 6, 7, 14) and literal data (11): OpenPGP, but not encrypted. */
  private static final Set<Integer> OTHER_OPENPGP_TAGS = Set.of(2, 4, 5, 6, 7, 11, 14);

  private OpenPgp() {}

  /**
   * True when {@code head} (the first bytes of a file; a few hundred are plenty, more when text
   * may precede the armor) holds an armored PGP MESSAGE header line, or starts with a binary
   * packet header, old or new format, whose tag can begin an encrypted message.
   */
  public static boolean looksLikeOpenPgp(byte[] head) {
    if (head.length > 0 && (head[0] & 0x80) != 0 && !hasBom(head)) {
      return FIRST_TAGS.contains(PacketHeader.tag(head[0]));
    }
    return armorHeaderAt(head) >= 0;
  }

  /**
   * Where the armor header line {@code -----BEGIN PGP MESSAGE-----} starts, or -1. Like {@code gpg}
   * it may follow any text (a mail, a note pasted above it), but only at the start of a line
   * (spaces before it allowed), so a header quoted inside a sentence is not one.
   */
  static int armorHeaderAt(byte[] data) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    for (int at = text.indexOf(ARMOR_HEADER); at >= 0; at = text.indexOf(ARMOR_HEADER, at + 1)) {
      int lineStart = at;
      while (lineStart > 0 && " \t".indexOf(text.charAt(lineStart - 1)) >= 0) {
        lineStart--;
      }
      if (lineStart == 0
          || (lineStart == 3 && hasBom(data))
          || "\r\n".indexOf(text.charAt(lineStart - 1)) >= 0) {
        return at;
      }
    }
    return -1;
  }

  /**
   * What {@code head} starts, checking the first packet hard: its tag, that its length fits a
   * file of {@code size} bytes, and its version byte.
   *
   * @param head the first bytes of the file (512 are plenty)
   * @param size the whole file's size, to check the first packet's length against
   */
  public static Content sniff(byte[] head, long size) {
    if (armored(head)) {
      return Content.ARMORED_MESSAGE;
    }
    return PacketHeader.read(head, 0)
        .map(header -> classify(header, head, size))
        .orElse(Content.NOT_OPENPGP);
  }

  /** An armored PGP MESSAGE header, after optional blank space or a UTF-8 BOM. */
  private static boolean armored(byte[] head) {
    int start = hasBom(head) ? 3 : 0;
    int length = Math.max(0, Math.min(head.length - start, ARMOR_SCAN));
    return new String(head, start, length, StandardCharsets.ISO_8859_1)
        .stripLeading()
        .startsWith(ARMOR_HEADER);
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
        : Content.NOT_OPENPGP;
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

  /** A UTF-8 byte order mark, which some editors put before armor. */
  static boolean hasBom(byte[] data) {
    return data.length >= 3
        && (data[0] & 0xff) == 0xef
        && (data[1] & 0xff) == 0xbb
        && (data[2] & 0xff) == 0xbf;
  }
}
