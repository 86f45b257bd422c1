package envshift.scan;

import envshift.EnvshiftException;
import envshift.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short fingerprints of values that say whether two values differ and nothing more: an
 * HMAC-SHA256 under a key kept outside the repo, cut to {@link #HEX_CHARS} hex digits. Unlike
 * {@link ValueIndex}, whose key lives for one run, this key must stay the same across runs (git
 * runs a diff driver once per version), so it is a file of 32 random bytes made on first use.
 * An unkeyed hash of a short password or a port could be reversed by trying guesses; without the
 * key, a fingerprint cannot be tested against any guess.
 */
public final class Fingerprints {
  static final int HEX_CHARS = 12;
  private static final int KEY_BYTES = 32;

  private final Mac mac;

  private Fingerprints(byte[] key) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Under the key in {@code keyFile} (mode 0600), made with fresh random bytes when there is none
   * yet; a concurrent run that made it first wins and its key is used.
   */
  public static Fingerprints keyedBy(Path keyFile) {
    if (!Files.exists(keyFile)) {
      byte[] key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      try {
        SecureFiles.write(keyFile, key, SecureFiles.Readers.OWNER, false);
      } catch (FileAlreadyExistsException e) {
        // another run made it in between: read theirs below
      } catch (IOException e) {
        throw new EnvshiftException(keyFile + ": cannot create the fingerprint key ("
            + e.getClass().getSimpleName() + ")", e);
      }
    }
    byte[] key = SecureFiles.read(keyFile, keyFile.toString());
    if (key.length < KEY_BYTES) {
      throw new EnvshiftException(keyFile + ": not a fingerprint key (" + key.length
          + " bytes, expected " + KEY_BYTES + "); remove it and a new one is made");
    }
    return new Fingerprints(key);
  }

  /** The fingerprint of {@code text}: equal texts give equal fingerprints under one key. */
  public synchronized String of(String text) {
    byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
  }
}
