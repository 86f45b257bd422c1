package envshift.pgp;

import envshift.pgp.Sexp.Group;
import envshift.pgp.Sexp.SexpException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ECSecretBCPGKey;
import org.bouncycastle.bcpg.ElGamalSecretBCPGKey;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * One {@code private-keys-v1.d/<keygrip>.key} file. Bouncy Castle's SExprParser cannot read
 * Curve25519 keys (it rejects the native 0x40 point prefix), so this class reads the S-expression
 * itself, for every algorithm alike: the public value ({@code n}, {@code q} or {@code y}) picks the
 * file for a public key, and the secret values are taken as stored, or after removing one of the
 * protections GnuPG 2.1 to 2.4 write: {@code openpgp-s2k3-ocb-aes} (AES-128-OCB keyed by an
 * iterated-salted SHA-1 S2K, authenticating the key expression without its {@code protected}
 * element), {@code openpgp-s2k3-sha1-aes-cbc} (the same S2K, AES-128-CBC and a SHA-1 check) and
 * {@code openpgp-native} (the OpenPGP secret key packet's own protection, which {@code gpg
 * --import} leaves until the agent first uses the key; see {@link NativeKey}).
 */
final class GnupgKeyFile {
  private static final String OCB_PROTECTION = "openpgp-s2k3-ocb-aes";
  private static final String CBC_PROTECTION = "openpgp-s2k3-sha1-aes-cbc";
  private static final String NATIVE_PROTECTION = "openpgp-native";
  /**
   * The agent stores its calibrated count itself (often above OpenPGP's encodable maximum); it is
   * an unsigned long there, and more than 2^32 octets would hash for minutes: a corrupt file.
   */
  private static final long MAX_COUNT = 0xFFFFFFFFL;

  private final Path path;
  private final String kind;
  private final Group key;

  private GnupgKeyFile(Path path, String kind, Group key) {
    this.path = path;
    this.kind = kind;
    this.key = key;
  }

  /** Parses the file without decrypting anything. */
  static GnupgKeyFile read(Path path) {
    Group outer;
    try {
      outer = SexpReader.parse(ExtendedKeyFormat.keyExpression(Files.readAllBytes(path)));
    } catch (IOException | RuntimeException e) {
      throw new KeyException(path + ": not a readable GnuPG private key file", e);
    }
    String kind = outer.label().orElse("");
    if (!kind.endsWith("private-key") || outer.items().size() < 2) {
      throw new KeyException(path + ": not a GnuPG private key file");
    }
    try {
      return new GnupgKeyFile(path, kind, outer.group(1));
    } catch (SexpException e) {
      throw new KeyException(path + ": not a GnuPG private key file", e);
    }
  }

  Path path() {
    return path;
  }

  /**
   * True when unlocking needs a passphrase. An imported key left in {@code openpgp-native} form
   * with {@code (protection none)} is filed as a protected-private-key but needs none.
   */
  boolean isProtected() {
    if (!kind.equals("protected-private-key")) {
      return false;
    }
    try {
      return !protectionMode().equals(NATIVE_PROTECTION)
          || NativeKey.of(this, nativeKey()).isProtected();
    } catch (RuntimeException e) {
      return false; // unreadable: unlock says why, and never blames a passphrase for it
    }
  }

  /** Why no passphrase can unlock this file (a protection nothing here reads), if so. */
  Optional<String> unsupported() {
    if (!kind.equals("protected-private-key")) {
      return Optional.empty();
    }
    try {
      String mode = protectionMode();
      return switch (mode) {
        case OCB_PROTECTION, CBC_PROTECTION, NATIVE_PROTECTION -> Optional.empty();
        default -> Optional.of(path + ": unsupported key protection " + mode);
      };
    } catch (KeyException e) {
      return Optional.of(e.getMessage());
    }
  }

  boolean isShadowed() {
    return kind.equals("shadowed-private-key");
  }

  /** True when this file holds the secret half of {@code publicKey}. */
  boolean matches(PGPPublicKey publicKey) {
    try {
      Optional<BigInteger> expected = Keys.publicParameter(publicKey);
      Optional<BigInteger> actual = key.find(publicLabel()).map(GnupgKeyFile::mpi);
      return expected.isPresent() && expected.equals(actual);
    } catch (RuntimeException e) {
      return false; // a value of an unexpected shape cannot match
    }
  }

  PGPPrivateKey unlock(PGPPublicKey publicKey, char[] passphrase) throws PGPException {
    if (isShadowed()) {
      throw new PGPException("shadowed key has no secret material");
    }
    BCPGKey material;
    if (!kind.equals("protected-private-key")) {
      material = material(key);
    } else {
      String mode = protectionMode();
      material =
          switch (mode) {
            case OCB_PROTECTION -> material(unprotectOcb(passphrase));
            case CBC_PROTECTION -> material(unprotectCbc(passphrase));
            case NATIVE_PROTECTION -> material(NativeKey.of(this, nativeKey()).secrets(passphrase));
            default -> throw unreadable("unsupported key protection " + mode);
          };
    }
    return new PGPPrivateKey(publicKey.getKeyID(), publicKey.getPublicKeyPacket(), material);
  }

  /** The {@code (protected MODE ...)} mode; {@code ""} for a file without one. */
  private String protectionMode() {
    try {
      return key.find("protected").map(p -> p.atom(1).text()).orElse("");
    } catch (SexpException e) {
      throw new KeyException(path + ": unreadable key protection", e);
    }
  }

  private Group nativeKey() {
    try {
      return key.find("protected").orElseThrow().group(2);
    } catch (SexpException e) {
      throw new KeyException(path + ": unreadable openpgp-native key", e);
    }
  }

  private BCPGKey material(Group secret) throws PGPException {
    return switch (algorithm()) {
      case "rsa" -> material(List.of(value(secret, "d"), value(secret, "p"), value(secret, "q")));
      case "ecc" -> material(List.of(value(secret, "d")));
      case "elg", "dsa" -> material(List.of(value(secret, "x")));
      default -> throw unreadable("unsupported key algorithm " + algorithm());
    };
  }

  /** Bouncy Castle's key from the secret values in OpenPGP's order (RSA d, p, q; else x or d). */
  BCPGKey material(List<BigInteger> secrets) throws PGPException {
    if (secrets.isEmpty()) {
      throw unreadable("no secret values");
    }
    return switch (algorithm()) {
      case "rsa" -> {
        if (secrets.size() < 3) {
          throw unreadable("incomplete RSA key");
        }
        yield new RSASecretBCPGKey(secrets.get(0), secrets.get(1), secrets.get(2));
      }
      case "ecc" -> new ECSecretBCPGKey(secrets.get(0));
      case "elg" -> new ElGamalSecretBCPGKey(secrets.get(0));
      default -> throw unreadable("unsupported key algorithm " + algorithm());
    };
  }

  String algorithm() {
    return key.label().orElse("");
  }

  private String publicLabel() {
    return switch (algorithm()) {
      case "rsa" -> "n";
      case "ecc" -> "q";
      default -> "y";
    };
  }

  /**
   * Removes the OCB protection: {@code (protected openpgp-s2k3-ocb-aes ((sha1 SALT COUNT) NONCE)
   * CIPHERTEXT)}. Only a failed OCB tag check means a wrong passphrase (a PGPException); anything
   * unreadable or unsupported is a {@link KeyException}, so it is never reported as one.
   */
  private Group unprotectOcb(char[] passphrase) throws PGPException {
    Protection p = protection();
    byte[] aesKey = p.key(passphrase);
    byte[] plain = null;
    try {
      plain = ocbDecrypt(aesKey, p.iv(), p.ciphertext(), aad());
      return SexpReader.parse(plain);
    } catch (InvalidCipherTextException e) {
      throw new PGPException("wrong passphrase (OCB tag mismatch)", e);
    } catch (SexpException e) {
      throw new KeyException(path + ": unreadable secret key data", e);
    } finally {
      Arrays.fill(aesKey, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /**
   * Removes GnuPG 2.1/2.2's classic protection: {@code (protected openpgp-s2k3-sha1-aes-cbc ((sha1
   * SALT COUNT) IV) CIPHERTEXT)}, AES-128-CBC over {@code (((d ..)(p ..)..)(hash sha1 MIC))} plus
   * padding. The MIC is SHA-1 over the key expression with the protected element replaced by the
   * secret values; a mismatch, or plaintext that is no S-expression, is a wrong passphrase.
   */
  private Group unprotectCbc(char[] passphrase) throws PGPException {
    Protection p = protection();
    byte[] aesKey = p.key(passphrase);
    byte[] plain = null;
    try {
      if (p.ciphertext().length == 0 || p.ciphertext().length % 16 != 0 || p.iv().length != 16) {
        throw unreadable("unreadable key protection parameters");
      }
      Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
      cbc.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(p.iv()));
      plain = cbc.doFinal(p.ciphertext());
      Group decrypted;
      byte[] mic;
      try {
        decrypted = SexpReader.parseLeading(plain);
        mic = decrypted.find("hash").orElseThrow().atom(2).bytes();
        decrypted.group(0);
      } catch (SexpException | java.util.NoSuchElementException e) {
        throw new PGPException("wrong passphrase (no key after decryption)");
      }
      Group secrets = decrypted.group(0);
      byte[] actual = MessageDigest.getInstance("SHA-1").digest(merged(secrets).canonical());
      if (!MessageDigest.isEqual(actual, mic)) {
        throw new PGPException("wrong passphrase (SHA-1 check failed)");
      }
      return secrets;
    } catch (GeneralSecurityException e) {
      throw new KeyException(path + ": cannot remove the key protection", e);
    } finally {
      Arrays.fill(aesKey, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** The key expression with its {@code (protected ...)} element replaced by the secret lists. */
  private Group merged(Group secrets) {
    List<Sexp> items = new ArrayList<>();
    for (Sexp item : key.items()) {
      if (item instanceof Group g && g.label().filter("protected"::equals).isPresent()) {
        items.addAll(secrets.items());
      } else {
        items.add(item);
      }
    }
    return new Group(items);
  }

  /** The S2K and cipher parameters shared by the OCB and CBC protections. */
  private record Protection(
      MessageDigest digest, byte[] salt, long count, byte[] iv, byte[] ciphertext) {
    byte[] key(char[] passphrase) {
      return S2kHash.derive(digest, 3, salt, count, passphrase, 16);
    }
  }

  private Protection protection() {
    try {
      Group protection = key.find("protected").orElseThrow(() -> unreadable("no protection"));
      Group parameters = protection.group(2);
      Group s2kParameters = parameters.group(0);
      String hash = s2kParameters.atom(0).text();
      MessageDigest digest =
          S2kHash.digest(hash).orElseThrow(() -> unreadable("unsupported S2K hash " + hash));
      // the agent's own protections store the count itself, not OpenPGP's one-byte encoding
      long count = Long.parseLong(s2kParameters.atom(2).text().strip());
      if (count < 0 || count > MAX_COUNT) {
        throw unreadable("unreadable key protection parameters (S2K count)");
      }
      return new Protection(
          digest,
          s2kParameters.atom(1).bytes(),
          count,
          parameters.atom(1).bytes(),
          protection.atom(3).bytes());
    } catch (SexpException | NumberFormatException e) {
      throw new KeyException(path + ": unreadable key protection parameters", e);
    }
  }

  private BigInteger value(Group in, String label) {
    return mpi(in.find(label).orElseThrow(() -> missing(label)));
  }

  KeyException unreadable(String what) {
    return new KeyException(path + ": " + what);
  }

  private KeyException missing(String label) {
    return unreadable("no '" + label + "' value in the key");
  }

  /** GnuPG authenticates the key expression minus its {@code (protected ...)} element. */
  private byte[] aad() {
    return key.without("protected").canonical();
  }

  private static byte[] ocbDecrypt(byte[] aesKey, byte[] nonce, byte[] ciphertext, byte[] aad)
      throws InvalidCipherTextException {
    OCBBlockCipher ocb = new OCBBlockCipher(AESEngine.newInstance(), AESEngine.newInstance());
    ocb.init(false, new AEADParameters(new KeyParameter(aesKey), 128, nonce, aad));
    byte[] out = new byte[ocb.getOutputSize(ciphertext.length)];
    int length = ocb.processBytes(ciphertext, 0, ciphertext.length, out, 0);
    length += ocb.doFinal(out, length);
    return length == out.length ? out : Arrays.copyOf(out, length);
  }

  private static BigInteger mpi(Group labelled) {
    return new BigInteger(1, labelled.atom(1).bytes());
  }
}
