package envshift.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/** Builds small legacy repos under a test's @TempDir. */
final class TestRepo {
  /** The first bytes of a real `gpg --encrypt` output (old-format PKESK v3), padded to 357. */
  static final byte[] PKESK_MESSAGE = padded(ContentSnifferTest.GPG_PKESK_RSA, 357);

  /** The first bytes of a real `gpg --symmetric` output (SKESK v4), padded to 95. */
  static final byte[] SKESK_MESSAGE = padded(ContentSnifferTest.GPG_SKESK, 95);

  static final String ARMORED_MESSAGE =
      "-----BEGIN PGP MESSAGE-----\n\nhQEMA8qvj8m5S36oAQgAnvH1Fy6NZ4j3L0GR7abj2LbWED5vxAOw\n"
          + "=abcd\n-----END PGP MESSAGE-----\n";

  final Path root;

  TestRepo(Path root) {
    this.root = root;
  }

  TestRepo text(String path, String text) {
    return bytes(path, text.getBytes(StandardCharsets.UTF_8));
  }

  TestRepo encrypted(String path) {
    return bytes(path, PKESK_MESSAGE);
  }

  TestRepo bytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An old-format public-key packet header (tag 6): OpenPGP, but not a message. */
  static byte[] publicKeyPacket() {
    return padded("99010d04", 3 + 0x010d);
  }

  private static byte[] padded(String hex, int size) {
    byte[] head = HexFormat.of().parseHex(hex);
    byte[] bytes = Arrays.copyOf(head, size);
    Arrays.fill(bytes, head.length, size, (byte) 0x5a);
    return bytes;
  }
}
