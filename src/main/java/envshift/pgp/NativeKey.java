package envshift.pgp;

import envshift.pgp.Sexp.Atom;
import envshift.pgp.Sexp.Group;
import envshift.pgp.Sexp.SexpException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * A key in GnuPG's {@code openpgp-native} protection: the secret key packet of an imported key,
 * transferred as is, which the agent converts to its own protection only when it first uses the
 * key. Every key imported with {@code gpg --import} and every home migrated from GnuPG 1.4 starts
 * in this form:
 *
 * <pre>
 * (openpgp-private-key (version V) (algo ALGO) [(curve C)]
 *   (skey _ P1 _ P2 ... e BLOB)          ; "_" a plain value, "e" the encrypted secret values
 *   (csum N)
 *   (protection sha1|sum|none CIPHER IV S2KMODE S2KHASH SALT CODED-COUNT))
 * </pre>
 *
 * BLOB is the OpenPGP packet's encrypted data (v4: all secret MPIs, CFB, then a SHA-1 or a 16-bit
 * checksum); unprotected keys hold their secret values plainly, last in {@code skey}. Unlike the
 * agent's own protections, the S2K count here is OpenPGP's one-byte encoding.
 */
final class NativeKey {
  private final GnupgKeyFile file;
  private final Group key;

  private NativeKey(GnupgKeyFile file, Group key) {
    this.file = file;
    this.key = key;
  }

  static NativeKey of(GnupgKeyFile file, Group key) {
    if (!key.label().filter("openpgp-private-key"::equals).isPresent()) {
      throw file.unreadable("unreadable openpgp-native key");
    }
    return new NativeKey(file, key);
  }

  boolean isProtected() {
    return !protectionType().equals("none");
  }

  /** The secret values in OpenPGP order; a PGPException only for a wrong passphrase. */
  List<BigInteger> secrets(char[] passphrase) throws PGPException {
    try {
      if (!key.find("version").orElseThrow(() -> unreadable("no version")).atom(1).text()
          .equals("4")) {
        throw unreadable("unsupported OpenPGP key version (only v4 keys can be read)");
      }
      List<Atom> skey = skey();
      int count = secretCount();
      if (!isProtected()) {
        return plain(skey, count);
      }
      Atom blob = skey.get(skey.size() - 1);
      if (skey.size() < 2 || !skey.get(skey.size() - 2).text().equals("e")) {
        throw unreadable("unreadable openpgp-native key (no encrypted values)");
      }
      return decrypted(blob.bytes(), count, passphrase);
    } catch (SexpException | NumberFormatException | IndexOutOfBoundsException e) {
      throw new KeyException(file.path() + ": unreadable openpgp-native key", e);
    }
  }

  private List<BigInteger> plain(List<Atom> skey, int count) {
    List<BigInteger> values = new ArrayList<>();
    for (int i = 0; i + 1 < skey.size(); i += 2) {
      if (!skey.get(i).text().equals("_")) {
        throw unreadable("unreadable openpgp-native key (encrypted value in an unprotected key)");
      }
      values.add(new BigInteger(1, skey.get(i + 1).bytes()));
    }
    if (values.size() < count) {
      throw unreadable("unreadable openpgp-native key (too few values)");
    }
    List<BigInteger> secrets = values.subList(values.size() - count, values.size());
    int sum = 0;
    for (BigInteger value : secrets) {
      sum += checksum(mpi(value));
    }
    int expected = Integer.parseInt(key.find("csum").map(c -> c.atom(1).text()).orElse("0"));
    if ((sum & 0xffff) != expected) {
      throw unreadable("corrupt openpgp-native key (checksum mismatch)");
    }
    return List.copyOf(secrets);
  }

  private List<BigInteger> decrypted(byte[] blob, int count, char[] passphrase)
      throws PGPException {
    Group protection = key.find("protection").orElseThrow(() -> unreadable("no protection"));
    String cipherName = protection.atom(2).text();
    int cipher = cipher(cipherName);
    int keyLength = keyLength(cipher);
    byte[] iv = protection.atom(3).bytes();
    int mode = Integer.parseInt(protection.atom(4).text().strip());
    String hash = protection.atom(5).text();
    byte[] salt = protection.atom(6).bytes();
    int coded = Integer.parseInt(protection.atom(7).text().strip());
    if (mode != 0 && mode != 1 && mode != 3) {
      throw unreadable("unsupported S2K mode " + mode + " in openpgp-native key");
    }
    if (coded < 0 || coded > 255) {
      throw unreadable("unreadable openpgp-native key (S2K count)");
    }
    MessageDigest digest =
        S2kHash.digest(hash).orElseThrow(() -> unreadable("unsupported S2K hash " + hash));
    byte[] aesKey =
        S2kHash.derive(digest, mode, salt, S2kHash.decodeCount(coded), passphrase, keyLength);
    byte[] data = null;
    try {
      data =
          new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
              .build(new char[0])
              .recoverKeyData(cipher, aesKey, iv, blob, 0, blob.length);
      boolean sha1 = protectionType().equals("sha1");
      int trailer = sha1 ? 20 : 2;
      if (data.length < trailer || !checks(data, trailer, sha1)) {
        throw new PGPException("wrong passphrase (key checksum mismatch)");
      }
      return mpis(data, data.length - trailer, count);
    } finally {
      Arrays.fill(aesKey, (byte) 0);
      if (data != null) {
        Arrays.fill(data, (byte) 0);
      }
    }
  }

  private static boolean checks(byte[] data, int trailer, boolean sha1) throws PGPException {
    int end = data.length - trailer;
    if (sha1) {
      MessageDigest digest = S2kHash.digest("sha1").orElseThrow();
      digest.update(data, 0, end);
      return MessageDigest.isEqual(digest.digest(), Arrays.copyOfRange(data, end, data.length));
    }
    int sum = 0;
    for (int i = 0; i < end; i++) {
      sum += data[i] & 0xff;
    }
    return (sum & 0xffff) == ((data[end] & 0xff) << 8 | (data[end + 1] & 0xff));
  }

  /** {@code count} OpenPGP MPIs (two octets of bit length, then the value) from data[0..end). */
  private static List<BigInteger> mpis(byte[] data, int end, int count) throws PGPException {
    List<BigInteger> values = new ArrayList<>();
    int pos = 0;
    for (int i = 0; i < count; i++) {
      if (pos + 2 > end) {
        throw new PGPException("wrong passphrase (secret values do not parse)");
      }
      int bits = (data[pos] & 0xff) << 8 | (data[pos + 1] & 0xff);
      int length = (bits + 7) / 8;
      if (pos + 2 + length > end) {
        throw new PGPException("wrong passphrase (secret values do not parse)");
      }
      values.add(new BigInteger(1, Arrays.copyOfRange(data, pos + 2, pos + 2 + length)));
      pos += 2 + length;
    }
    return values;
  }

  private String protectionType() {
    return key.find("protection")
        .map(p -> p.atom(1).text())
        .orElseThrow(() -> unreadable("unreadable openpgp-native key (no protection)"));
  }

  private List<Atom> skey() {
    Group skey = key.find("skey").orElseThrow(() -> unreadable("no skey"));
    List<Atom> atoms = new ArrayList<>();
    for (int i = 1; i < skey.items().size(); i++) {
      atoms.add(skey.atom(i));
    }
    return atoms;
  }

  /** How many secret values the algorithm has: RSA d, p, q, u; one x or d otherwise. */
  private int secretCount() {
    return switch (file.algorithm()) {
      case "rsa" -> 4;
      case "ecc", "elg", "dsa" -> 1;
      default -> throw unreadable("unsupported key algorithm " + file.algorithm());
    };
  }

  /** Libgcrypt's cipher names, as {@code gpg --import} writes them, to OpenPGP's ids. */
  private int cipher(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "AES", "AES128" -> SymmetricKeyAlgorithmTags.AES_128;
      case "AES192" -> SymmetricKeyAlgorithmTags.AES_192;
      case "AES256" -> SymmetricKeyAlgorithmTags.AES_256;
      case "3DES" -> SymmetricKeyAlgorithmTags.TRIPLE_DES;
      case "CAST5" -> SymmetricKeyAlgorithmTags.CAST5;
      case "BLOWFISH" -> SymmetricKeyAlgorithmTags.BLOWFISH;
      case "TWOFISH" -> SymmetricKeyAlgorithmTags.TWOFISH;
      case "IDEA" -> SymmetricKeyAlgorithmTags.IDEA;
      case "CAMELLIA128" -> SymmetricKeyAlgorithmTags.CAMELLIA_128;
      case "CAMELLIA192" -> SymmetricKeyAlgorithmTags.CAMELLIA_192;
      case "CAMELLIA256" -> SymmetricKeyAlgorithmTags.CAMELLIA_256;
      default -> throw unreadable("unsupported cipher " + name + " in openpgp-native key");
    };
  }

  private static int keyLength(int cipher) {
    return switch (cipher) {
      case SymmetricKeyAlgorithmTags.AES_192,
          SymmetricKeyAlgorithmTags.TRIPLE_DES,
          SymmetricKeyAlgorithmTags.CAMELLIA_192 -> 24;
      case SymmetricKeyAlgorithmTags.AES_256,
          SymmetricKeyAlgorithmTags.TWOFISH,
          SymmetricKeyAlgorithmTags.CAMELLIA_256 -> 32;
      default -> 16;
    };
  }

  /** OpenPGP's MPI encoding of a non-negative value. */
  private static byte[] mpi(BigInteger value) {
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    int bits = value.bitLength();
    byte[] out = new byte[2 + magnitude.length - skip];
    out[0] = (byte) (bits >> 8);
    out[1] = (byte) bits;
    System.arraycopy(magnitude, skip, out, 2, magnitude.length - skip);
    return out;
  }

  private static int checksum(byte[] bytes) {
    int sum = 0;
    for (byte b : bytes) {
      sum += b & 0xff;
    }
    return sum;
  }

  private KeyException unreadable(String what) {
    return file.unreadable(what);
  }
}
