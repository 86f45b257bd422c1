package envshift.pgp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
import org.bouncycastle.gpg.PGPSecretKeyParser;
import org.bouncycastle.gpg.SExpression;
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
  private static final int MAX_DEPTH = 10;
  private static final String OCB_PROTECTION = "openpgp-s2k3-ocb-aes";

  private final Path path;
  private final String kind;
  private final SExpression key;

  private GnupgKeyFile(Path path, String kind, SExpression key) {
    this.path = path;
    this.kind = kind;
    this.key = key;
  }

  /** Parses the file without decrypting anything. */
  static GnupgKeyFile read(Path path) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
      SExpression outer = PGPSecretKeyParser.parse(in, MAX_DEPTH).getKeyExpression();
      String kind = text(outer.getValue(0));
      if (!kind.endsWith("private-key") || !(outer.getValue(1) instanceof SExpression key)) {
        throw new KeyException(path + ": not a GnuPG private key file");
      }
      return new GnupgKeyFile(path, kind, key);
    } catch (IOException | RuntimeException e) {
      if (e instanceof KeyException k) {
        throw k;
      }
      throw new KeyException(path + ": not a readable GnuPG private key file", e);
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
      Optional<BigInteger> actual = find(key, publicLabel()).map(GnupgKeyFile::mpi);
      return expected.isPresent() && expected.equals(actual);
    } catch (RuntimeException e) {
      return false; // a value of an unexpected shape cannot match
    }
  }

  PGPPrivateKey unlock(PGPPublicKey publicKey, char[] passphrase) throws PGPException {
    if (isShadowed()) {
      throw new PGPException("shadowed key has no secret material");
    }
    SExpression secret = isProtected() ? unprotect(passphrase) : key;
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
    return text(key.getValue(0));
  }

  private String publicLabel() {
    return switch (algorithm()) {
      case "rsa" -> "n";
      case "ecc" -> "q";
      default -> "y";
    };
  }

  /** Removes the OCB protection; a wrong passphrase fails the OCB tag check. */
  private SExpression unprotect(char[] passphrase) throws PGPException {
    SExpression protection = find(key, "protected").orElseThrow(() -> missing("protected"));
    String mode = text(protection.getValue(1));
    if (!mode.equals(OCB_PROTECTION)) {
      throw new PGPException("unsupported key protection " + mode);
    }
    SExpression parameters = protection.getExpression(2); // ((sha1 SALT "COUNT") NONCE)
    SExpression s2kParameters = parameters.getExpression(0);
    if (!text(s2kParameters.getValue(0)).equals("sha1")) {
      throw new PGPException("unsupported S2K hash " + text(s2kParameters.getValue(0)));
    }
    S2K s2k = new S2K(HashAlgorithmTags.SHA1, s2kParameters.getBytes(1), s2kParameters.getInt(2));
    byte[] aesKey =
        new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
            .build(passphrase)
            .makeKeyFromPassPhrase(SymmetricKeyAlgorithmTags.AES_128, s2k);
    byte[] plain = null;
    try {
      plain = ocbDecrypt(aesKey, parameters.getBytes(1), protection.getBytes(3), aad());
      return SExpression.parse(plain, MAX_DEPTH);
    } catch (InvalidCipherTextException e) {
      throw new PGPException("wrong passphrase (OCB tag mismatch)", e);
    } catch (IOException e) {
      throw new PGPException("unreadable secret key data", e);
    } finally {
      Arrays.fill(aesKey, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** GnuPG authenticates the key expression minus its {@code (protected ...)} element. */
  private byte[] aad() {
    return key.filterOut("protected").toCanonicalForm();
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

  private BigInteger value(SExpression in, String label) throws PGPException {
    return mpi(find(in, label).orElseThrow(() -> missing(label)));
  }

  private PGPException missing(String label) {
    return new PGPException(path.getFileName() + " has no '" + label + "' value");
  }

  private static BigInteger mpi(SExpression labelled) {
    return new BigInteger(1, labelled.getBytes(1));
  }

  /** The first sub-expression, at any depth, whose first element is {@code label}. */
  private static Optional<SExpression> find(SExpression in, String label) {
    for (Object value : in.getValues()) {
      if (value instanceof SExpression child) {
        if (!child.getValues().isEmpty() && text(child.getValue(0)).equals(label)) {
          return Optional.of(child);
        }
        Optional<SExpression> nested = find(child, label);
        if (nested.isPresent()) {
          return nested;
        }
      }
    }
    return Optional.empty();
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(value);
  }
}
