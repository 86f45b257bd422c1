package envshift.pgp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * OpenPGP's string-to-key (RFC 4880 §3.7.1) as GnuPG's agent runs it on its key files. Written
 * here rather than taken from Bouncy Castle for two reasons: the agent's own protections store a
 * raw count, which BC's {@code S2K(int, byte[], int)} cannot express (it refuses 256..65536, gpg's
 * smallest count among them), and BC's digest loop feeds the salted passphrase a few bytes at a
 * time, about eight times slower than a JDK digest fed in large blocks at calibrated counts.
 */
final class S2kHash {
  private static final int BLOCK = 64 * 1024;

  private S2kHash() {}

  /**
   * The JDK digest for a GnuPG/libgcrypt hash name ({@code sha1}, {@code SHA256}), or empty when it
   * is not one this class supports.
   */
  static Optional<MessageDigest> digest(String gcryptName) {
    String name =
        switch (gcryptName.toUpperCase(Locale.ROOT)) {
          case "SHA1" -> "SHA-1";
          case "SHA224" -> "SHA-224";
          case "SHA256" -> "SHA-256";
          case "SHA384" -> "SHA-384";
          case "SHA512" -> "SHA-512";
          case "MD5" -> "MD5";
          default -> "";
        };
    try {
      return name.isEmpty() ? Optional.empty() : Optional.of(MessageDigest.getInstance(name));
    } catch (NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  /** OpenPGP's one-byte count encoding, decoded: {@code 96} is 65536, {@code 255} 65011712. */
  static long decodeCount(int encoded) {
    return (16L + (encoded & 15)) << ((encoded >> 4) + 6);
  }

  /**
   * A {@code keyLength}-byte key from the passphrase (UTF-8, as gpg hashes it). {@code mode} is 0
   * (simple), 1 (salted) or 3 (iterated and salted, {@code count} octets hashed per context).
   */
  static byte[] derive(
      MessageDigest digest, int mode, byte[] salt, long count, char[] passphrase, int keyLength) {
    byte[] pass = utf8(passphrase);
    byte[] input = new byte[(mode == 0 ? 0 : salt.length) + pass.length];
    if (mode != 0) {
      System.arraycopy(salt, 0, input, 0, salt.length);
    }
    System.arraycopy(pass, 0, input, input.length - pass.length, pass.length);
    Arrays.fill(pass, (byte) 0);
    byte[] key = new byte[keyLength];
    byte[] block = mode == 3 ? repeated(input, count) : input;
    try {
      int filled = 0;
      for (int context = 0; filled < keyLength; context++) {
        digest.reset();
        digest.update(new byte[context]); // the i-th context is preloaded with i zero octets
        if (mode == 3) {
          long left = Math.max(count, input.length);
          while (left > 0) {
            int n = (int) Math.min(left, block.length);
            digest.update(block, 0, n);
            left -= n;
          }
        } else {
          digest.update(input);
        }
        byte[] out = digest.digest();
        int n = Math.min(out.length, keyLength - filled);
        System.arraycopy(out, 0, key, filled, n);
        filled += n;
        Arrays.fill(out, (byte) 0);
      }
      return key;
    } finally {
      Arrays.fill(input, (byte) 0);
      Arrays.fill(block, (byte) 0);
    }
  }

  /**
   * {@code input} repeated to fill a block of whole copies: iterating over such blocks hashes the
   * same octet stream as feeding the input again and again, without a call per copy.
   */
  private static byte[] repeated(byte[] input, long count) {
    if (input.length == 0) {
      return input;
    }
    int copies = Math.max(1, (int) Math.min(count, BLOCK) / input.length + 1);
    byte[] block = new byte[copies * input.length];
    for (int i = 0; i < copies; i++) {
      System.arraycopy(input, 0, block, i * input.length, input.length);
    }
    return block;
  }

  private static byte[] utf8(char[] passphrase) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }
}
