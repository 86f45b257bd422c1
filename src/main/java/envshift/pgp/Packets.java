package envshift.pgp;

/**
 * Walks the outer OpenPGP packet headers of a binary (de-armored) message without decrypting
 * anything, so a truncated file is reported as such instead of surfacing later as a failed
 * integrity check.
 */
final class Packets {
  private Packets() {}

  /** The packet tag of a header octet (bit 7 set), old or new format. */
  static int tag(byte header) {
    int b = header & 0xff;
    return (b & 0x40) != 0 ? b & 0x3f : (b >> 2) & 0x0f;
  }

  /**
   * True when every packet's declared length, partial chunks included, fits exactly in the data.
   */
  static boolean complete(byte[] data) {
    int pos = 0;
    if (data.length == 0) {
      return false;
    }
    while (pos < data.length) {
      int header = data[pos] & 0xff;
      if ((header & 0x80) == 0) {
        return false;
      }
      long end = (header & 0x40) != 0 ? newFormatEnd(data, pos + 1) : oldFormatEnd(data, pos + 1);
      if (end < 0 || end > data.length) {
        return false;
      }
      pos = (int) end;
    }
    return true;
  }

  /** End offset of an old-format packet whose length field starts at {@code pos}, or -1. */
  private static long oldFormatEnd(byte[] data, int pos) {
    int lengthType = data[pos - 1] & 0x03;
    if (lengthType == 3) {
      return data.length; // indeterminate length: runs to the end of the data
    }
    int octets = 1 << lengthType;
    if (pos + octets > data.length) {
      return -1;
    }
    long length = 0;
    for (int i = 0; i < octets; i++) {
      length = (length << 8) | (data[pos + i] & 0xff);
    }
    return pos + octets + length;
  }

  /** End offset of a new-format packet (following partial-length chunks), or -1. */
  private static long newFormatEnd(byte[] data, int start) {
    long pos = start;
    while (true) {
      if (pos >= data.length) {
        return -1;
      }
      int first = data[(int) pos] & 0xff;
      if (first < 192) {
        return pos + 1 + first;
      } else if (first < 224) {
        if (pos + 1 >= data.length) {
          return -1;
        }
        return pos + 2 + ((first - 192) << 8) + (data[(int) pos + 1] & 0xff) + 192;
      } else if (first == 255) {
        if (pos + 4 >= data.length) {
          return -1;
        }
        long length = 0;
        for (int i = 1; i <= 4; i++) {
          length = (length << 8) | (data[(int) pos + i] & 0xff);
        }
        return pos + 5 + length;
      }
      pos = pos + 1 + (1L << (first & 0x1f)); // partial chunk; another length follows it
    }
  }
}
