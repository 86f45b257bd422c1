package envshift.pgp;

import envshift.pgp.Gpg.KeyType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The GnuPG keys the pgp tests share, made with the real gpg once per JVM: making RSA and
 * DSA/ElGamal keys was most of these tests' CPU time when each class made its own. {@link #home}
 * gives a test class a GnuPG home of its own holding only the keys it names (public keyring and
 * {@code private-keys-v1.d} files), so a class sees no other class's keys and may change its home.
 */
final class TestKeys {
  static final String PASSPHRASE = "correct horse battery";
  static final String RSA = "Rsa Plain <rsa@example.org>";
  static final String RSA_LOCKED = "Rsa Locked <rsa-locked@example.org>";
  static final String CV = "Cv Plain <cv@example.org>";
  static final String CV_LOCKED = "Cv Locked <cv-locked@example.org>";
  static final String CV_OTHER = "Cv Other <cv-other@example.org>";
  static final String ELGAMAL = "Elg Plain <elg@example.org>";

  private record Made(byte[] publicKey, List<String> keygrips) {}

  private static Path poolHome;
  private static Map<String, Made> pool;

  private TestKeys() {}

  /** A new GnuPG home at {@code home} holding exactly the keys of {@code userIds}. */
  static Gpg home(Path home, String... userIds) {
    Map<String, Made> made = pool();
    Gpg gpg = Gpg.create(home);
    ByteArrayOutputStream publicKeys = new ByteArrayOutputStream();
    try {
      Path secrets = Files.createDirectories(home.resolve("private-keys-v1.d"));
      for (String userId : userIds) {
        Made key = made.get(userId);
        if (key == null) {
          throw new AssertionError("TestKeys makes no key " + userId);
        }
        publicKeys.write(key.publicKey());
        for (String keygrip : key.keygrips()) {
          Path file = Path.of(keygrip + ".key");
          Files.copy(poolHome.resolve("private-keys-v1.d").resolve(file), secrets.resolve(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    gpg.importKeys(publicKeys.toByteArray());
    return gpg;
  }

  private static synchronized Map<String, Made> pool() {
    if (pool == null) {
      pool = make();
    }
    return pool;
  }

  private static Map<String, Made> make() {
    Path dir;
    try {
      dir = Files.createTempDirectory("envshift-test-keys");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
    Map<String, Made> made = new LinkedHashMap<>();
    try (Gpg gpg = Gpg.create(dir.resolve("home"))) {
      gpg.generateKey(RSA, KeyType.RSA2048, "");
      gpg.generateKey(RSA_LOCKED, KeyType.RSA2048, PASSPHRASE);
      gpg.generateKey(CV, KeyType.CV25519, "");
      gpg.generateKey(CV_LOCKED, KeyType.CV25519, PASSPHRASE);
      gpg.generateKey(CV_OTHER, KeyType.CV25519, "");
      gpg.generateKey(ELGAMAL, KeyType.DSA_ELGAMAL, "");
      for (String userId : List.of(RSA, RSA_LOCKED, CV, CV_LOCKED, CV_OTHER, ELGAMAL)) {
        made.put(userId, new Made(gpg.exportPublic(userId, false), gpg.keygrips(userId)));
      }
      poolHome = gpg.home();
    }
    return Map.copyOf(made);
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort at JVM exit: a left temp dir holds only throwaway test keys
    }
  }
}
