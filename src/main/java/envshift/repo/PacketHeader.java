package envshift.repo;

import java.util.Optional;

/**
 * The header of an OpenPGP packet, old or new format (RFC 9580 §4.2).
 *
 * @param tag the packet type
 * @param headerLength bytes taken by the tag and length octets
 * @param bodyLength the body length; for a partial length, the first chunk's length
 * @param definite false for a partial (new format) or indeterminate (old format) length
 */
record PacketHeader(int tag, int headerLength, long bodyLength, boolean definite) {
  static Optional<PacketHeader> read(byte[] head) {
    if (head.length < 2 || (head[0] & 0x80) == 0) {
      return Optional.empty();
    }
    int ctb = head[0] & 0xFF;
    return (ctb & 0x40) != 0 ? readNew(head, ctb & 0x3F) : readOld(head, (ctb >> 2) & 0x0F);
  }

  private static Optional<PacketHeader> readNew(byte[] head, int tag) {
    int first = head[1] & 0xFF;
    if (first < 192) {
      return Optional.of(new PacketHeader(tag, 2, first, true));
    }
    if (first < 224) {
      if (head.length < 3) {
        return Optional.empty();
      }
      long length = ((first - 192L) << 8) + (head[2] & 0xFF) + 192;
      return Optional.of(new PacketHeader(tag, 3, length, true));
    }
    if (first == 255) {
      return head.length < 6
          ? Optional.empty()
          : Optional.of(new PacketHeader(tag, 6, bigEndian(head, 2, 4), true));
    }
    return Optional.of(new PacketHeader(tag, 2, 1L << (first & 0x1F), false));
  }

  private static Optional<PacketHeader> readOld(byte[] head, int tag) {
    int lengthType = head[0] & 0x03;
    if (lengthType == 3) {
      return Optional.of(new PacketHeader(tag, 1, 0, false));
    }
    int octets = 1 << lengthType; // 1, 2 or 4
    if (head.length < 1 + octets) {
      return Optional.empty();
    }
    return Optional.of(new PacketHeader(tag, 1 + octets, bigEndian(head, 1, octets), true));
  }

  private static long bigEndian(byte[] bytes, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }
}
