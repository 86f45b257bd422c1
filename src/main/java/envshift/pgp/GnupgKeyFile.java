package envshift.pgp;

import envshift.pgp.Sexp.Group;
import envshift.pgp.Sexp.SexpException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.ECSecretBCPGKey;
import org.bouncycastle.bcpg.ElGamalSecretBCPGKey;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.RSASecretBCPGKey;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.OCBBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/**
 * One {@code private-keys-v1.d/<keygrip>.key} file. Bouncy Castle's SExprParser cannot read
 * Curve25519 keys (it rejects the native 0x40 point prefix), so this class reads the S-expression
 * itself, for every algorithm alike: the public value ({@code n}, {@code q} or {@code y}) picks the
 * file for a public key, and the secret values are taken as stored, or after removing GnuPG's
 * {@code openpgp-s2k3-ocb-aes} protection (AES-128-OCB keyed by an iterated-salted SHA-1 S2K,
 * authenticating the key expression without its {@code protected} element).
 */
final class GnupgKeyFile {
  private static final String OCB_PROTECTION = "openpgp-s2k3-ocb-aes";

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

  boolean isProtected() {
    return kind.equals("protected-private-key");
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
    Group secret = isProtected() ? unprotect(passphrase) : key;
    BCPGKey material =
        switch (algorithm()) {
          case "rsa" ->
              new RSASecretBCPGKey(value(secret, "d"), value(secret, "p"), value(secret, "q"));
          case "ecc" -> new ECSecretBCPGKey(value(secret, "d"));
          case "elg" -> new ElGamalSecretBCPGKey(value(secret, "x"));
          default -> throw new PGPException("unsupported key algorithm " + algorithm());
        };
    return new PGPPrivateKey(publicKey.getKeyID(), publicKey.getPublicKeyPacket(), material);
  }

  private String algorithm() {
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
  private Group unprotect(char[] passphrase) throws PGPException {
    S2K s2k;
    byte[] nonce;
    byte[] ciphertext;
    try {
      Group protection = key.find("protected").orElseThrow(() -> unreadable("no protection"));
      String mode = protection.atom(1).text();
      if (!mode.equals(OCB_PROTECTION)) {
        throw unreadable("unsupported key protection " + mode);
      }
      Group parameters = protection.group(2);
      Group s2kParameters = parameters.group(0);
      if (!s2kParameters.atom(0).text().equals("sha1")) {
        throw unreadable("unsupported S2K hash " + s2kParameters.atom(0).text());
      }
      int count = Integer.parseInt(s2kParameters.atom(2).text().strip());
      s2k = new S2K(HashAlgorithmTags.SHA1, s2kParameters.atom(1).bytes(), count);
      nonce = parameters.atom(1).bytes();
      ciphertext = protection.atom(3).bytes();
    } catch (SexpException | NumberFormatException e) {
      throw new KeyException(path + ": unreadable key protection parameters", e);
    }
    return decrypt(passphrase, s2k, nonce, ciphertext);
  }

  private Group decrypt(char[] passphrase, S2K s2k, byte[] nonce, byte[] ciphertext)
      throws PGPException {
    byte[] aesKey =
        new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
            .build(passphrase)
            .makeKeyFromPassPhrase(SymmetricKeyAlgorithmTags.AES_128, s2k);
    byte[] plain = null;
    try {
      plain = ocbDecrypt(aesKey, nonce, ciphertext, aad());
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

  private BigInteger value(Group in, String label) throws PGPException {
    return mpi(in.find(label).orElseThrow(() -> missing(label)));
  }

  private KeyException unreadable(String what) {
    return new KeyException(path + ": " + what);
  }

  private PGPException missing(String label) {
    return new PGPException(path.getFileName() + " has no '" + label + "' value");
  }

  private static BigInteger mpi(Group labelled) {
    return new BigInteger(1, labelled.atom(1).bytes());
  }
}
