package envshift.pgp;

import java.util.Optional;

/**
 * The header of an OpenPGP packet, old or new format (RFC 9580 §4.2). The one reader of packet
 * headers: sniffing a file's first packet and walking a whole message's packets both use it.
 *
 * @param tag the packet type
 * @param headerLength bytes taken by the tag and length octets
 * @param bodyLength the body length; for a partial length, the first chunk's length; 0 when
 *     indeterminate
 * @param length definite, partial (new format: another length follows the chunk) or indeterminate
 *     (old format: the packet runs to the end of the data)
 */
record PacketHeader(int tag, int headerLength, long bodyLength, Length length) {
  enum Length {
    DEFINITE,
    PARTIAL,
    INDETERMINATE
  }

  boolean definite() {
    return length == Length.DEFINITE;
  }

  /** The packet tag of a header octet (bit 7 set), old or new format. */
  static int tag(byte ctb) {
    int b = ctb & 0xFF;
    return (b & 0x40) != 0 ? b & 0x3F : (b >> 2) & 0x0F;
  }

  /** The header at {@code at}, or empty when there is no packet header there or it is cut off. */
  static Optional<PacketHeader> read(byte[] data, int at) {
    if (at >= data.length || (data[at] & 0x80) == 0) {
      return Optional.empty();
    }
    int ctb = data[at] & 0xFF;
    return (ctb & 0x40) != 0 ? newLength(data, at + 1, tag(data[at])) : readOld(data, at);
  }

  /**
   * A new-format length at {@code at}: the one after the tag octet, or the one after a partial
   * chunk. {@code headerLength} counts the octets from {@code at - 1}: the tag (or the end of the
   * previous chunk) and the length octets.
   */
  static Optional<PacketHeader> newLength(byte[] data, int at, int tag) {
    if (at >= data.length) {
      return Optional.empty();
    }
    int first = data[at] & 0xFF;
    if (first < 192) {
      return Optional.of(new PacketHeader(tag, 2, first, Length.DEFINITE));
    }
    if (first < 224) {
      if (at + 1 >= data.length) {
        return Optional.empty();
      }
      long length = ((first - 192L) << 8) + (data[at + 1] & 0xFF) + 192;
      return Optional.of(new PacketHeader(tag, 3, length, Length.DEFINITE));
    }
    if (first == 255) {
      return at + 4 >= data.length
          ? Optional.empty()
          : Optional.of(new PacketHeader(tag, 6, bigEndian(data, at + 1, 4), Length.DEFINITE));
    }
    return Optional.of(new PacketHeader(tag, 2, 1L << (first & 0x1F), Length.PARTIAL));
  }

  private static Optional<PacketHeader> readOld(byte[] data, int at) {
    int tag = tag(data[at]);
    int lengthType = data[at] & 0x03;
    if (lengthType == 3) {
      return Optional.of(new PacketHeader(tag, 1, 0, Length.INDETERMINATE));
    }
    int octets = 1 << lengthType; // 1, 2 or 4
    if (at + octets >= data.length) {
      return Optional.empty();
    }
    long length = bigEndian(data, at + 1, octets);
    return Optional.of(new PacketHeader(tag, 1 + octets, length, Length.DEFINITE));
  }

  private static long bigEndian(byte[] bytes, int from, int count) {
    long value = 0;
    for (int i = from; i < from + count; i++) {
      value = (value << 8) | (bytes[i] & 0xFF);
    }
    return value;
  }
}
