package envshift.pgp;

import envshift.pgp.PacketHeader.Length;
import java.util.Optional;

/**
 * Walks the outer OpenPGP packet headers of a binary (de-armored) message without decrypting
 * anything, so a truncated file is reported as such instead of surfacing later as a failed
 * integrity check.
 */
final class Packets {
  private Packets() {}

  /**
   * True when every packet's declared length, partial chunks included, fits exactly in the data.
   */
  static boolean complete(byte[] data) {
    if (data.length == 0) {
      return false;
    }
    long pos = 0;
    while (pos < data.length) {
      Optional<PacketHeader> header = PacketHeader.read(data, (int) pos);
      long end = header.isPresent() ? end(data, pos, header.get()) : -1;
      if (end < 0 || end > data.length) {
        return false;
      }
      pos = end;
    }
    return true;
  }

  /** End offset of the packet at {@code pos}, following its partial chunks, or -1 if cut off. */
  private static long end(byte[] data, long pos, PacketHeader header) {
    PacketHeader chunk = header;
    long end = pos + chunk.headerLength() + chunk.bodyLength();
    while (chunk.length() == Length.PARTIAL) {
      if (end >= data.length) {
        return -1;
      }
      Optional<PacketHeader> next = PacketHeader.newLength(data, (int) end, chunk.tag());
      if (next.isEmpty()) {
        return -1;
      }
      chunk = next.get();
      end += chunk.headerLength() - 1 + chunk.bodyLength(); // no tag octet before this length
    }
    return chunk.length() == Length.INDETERMINATE ? data.length : end;
  }
}
