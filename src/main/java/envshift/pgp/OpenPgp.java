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
    if (head.length == 0) {
      return false;
    }
    if ((head[0] & 0x80) != 0) {
      return FIRST_TAGS.contains(Packets.tag(head[0]));
    }
    return skipBlankAndBom(head).startsWith(ARMOR_HEADER);
  }

  private static String skipBlankAndBom(byte[] head) {
    int length = Math.min(head.length, 4096);
    String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\u00ef\u00bb\u00bf")) {
      text = text.substring(3);
    }
    return text.stripLeading();
  }
}
