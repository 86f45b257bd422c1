package envshift.pgp;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Content sniffing: does a file hold an OpenPGP encrypted message, whatever its name says. */
public final class OpenPgp {
  private static final String ARMOR_HEADER = "-----BEGIN PGP MESSAGE-----";

  /** PKESK, SKESK, marker, compressed, SED, SEIPD and the LibrePGP OCB packet. */
  private static final Set<Integer> FIRST_TAGS = Set.of(1, 3, 10, 8, 9, 18, 20);

  private OpenPgp() {}

  /**
   * True when {@code head} (the first bytes of a file; a few hundred are plenty) starts with an
   * armored PGP MESSAGE header, after optional blank space, or with a binary packet header, old or
   * new format, whose tag can begin an encrypted message.
   */
  public static boolean looksLikeOpenPgp(byte[] head) {
    int start = hasBom(head) ? 3 : 0;
    if (head.length <= start) {
      return false;
    }
    if (start == 0 && (head[0] & 0x80) != 0) {
      return FIRST_TAGS.contains(Packets.tag(head[0]));
    }
    int length = Math.min(head.length - start, 4096);
    return new String(head, start, length, StandardCharsets.ISO_8859_1)
        .stripLeading()
        .startsWith(ARMOR_HEADER);
  }

  /** A UTF-8 byte order mark, which some editors put before armor. */
  static boolean hasBom(byte[] data) {
    return data.length >= 3
        && (data[0] & 0xff) == 0xef
        && (data[1] & 0xff) == 0xbb
        && (data[2] & 0xff) == 0xbf;
  }
}
