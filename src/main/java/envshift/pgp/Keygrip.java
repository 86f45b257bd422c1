package envshift.pgp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.bcpg.BCPGKey;
import org.bouncycastle.bcpg.DSAPublicBCPGKey;
import org.bouncycastle.bcpg.ECPublicBCPGKey;
import org.bouncycastle.bcpg.EdDSAPublicBCPGKey;
import org.bouncycastle.bcpg.ElGamalPublicBCPGKey;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.RSAPublicBCPGKey;
import org.bouncycastle.openpgp.PGPPublicKey;

/**
 * libgcrypt's keygrip of a public key: the name ({@code <KEYGRIP>.key}) gpg-agent files its secret
 * half under in {@code private-keys-v1.d}, so a message's recipients pick their key files without
 * opening any other. SHA-1 over the public parameters: RSA hashes the modulus alone, as a signed
 * big-endian integer (so with the zero byte before its top bit: checked against gpg, see
 * KeygripTest); DSA hashes {@code (1:p<len>:..)(1:q..)(1:g..)(1:y..)} and ElGamal p, g, y, signed
 * the same way; ECC the curve's p, a, b, g, n (libgcrypt's own domain parameters) and the point q
 * (for Ed25519 and Curve25519 without its 0x40 prefix, as gpg computes them), as bare magnitudes.
 *
 * <p>Key types this cannot compute reliably (curves gpg 2.2 does not make, RFC 9580 v6 key
 * algorithms) give empty: their key files are then found by their public value, as before.
 */
final class Keygrip {
  private static final String CV25519_OID = "1.3.6.1.4.1.3029.1.5.1";
  private static final String ED25519_OID = "1.3.6.1.4.1.11591.15.1";

  /** libgcrypt's ecc-curves.c entries for the two Bernstein curves: p, a, b, n, gx, gy. */
  private static final String P25519 =
      "7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFED";

  private static final String N25519 =
      "1000000000000000000000000000000014DEF9DEA2F79CD65812631A5CF5D3ED";

  private static final Map<String, String[]> BERNSTEIN =
      Map.of(
          CV25519_OID,
          new String[] {
            P25519,
            "01DB41",
            "01",
            N25519,
            "0000000000000000000000000000000000000000000000000000000000000009",
            "20AE19A1B8A086B4E01EDD2C7748D14C923D4D7E6D7C61B229E9C5A27ECED3D9"
          },
          ED25519_OID,
          new String[] {
            P25519,
            "01", // libgcrypt writes -0x01; its keygrip hashes the magnitude
            "2DFC9311D490018C7338BF8688861767FF8FF5B2BEBE27548A14B235ECA6874A", // likewise -d
            N25519,
            "216936D3CD6E53FEC0A4E231FDD6DC5C692CC7609525A7B2C9562D608F25D51A",
            "6666666666666666666666666666666666666666666666666666666666666658"
          });

  /** Curves the keygrip was checked against real gpg for (see KeygripTest). */
  private static final Map<String, String> NAMED =
      Map.of(
          "1.2.840.10045.3.1.7", "P-256",
          "1.3.132.0.34", "P-384",
          "1.3.132.0.35", "P-521",
          "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
          "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
          "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1");

  private Keygrip() {}

  /** The keygrip as gpg prints it (40 upper-case hex digits), or empty for an unknown key type. */
  static Optional<String> of(PGPPublicKey key) {
    try {
      return material(key).map(Keygrip::sha1);
    } catch (RuntimeException e) {
      return Optional.empty(); // a value of an unexpected shape: fall back to the public value
    }
  }

  private static Optional<byte[]> material(PGPPublicKey key) {
    BCPGKey material = key.getPublicKeyPacket().getKey();
    int algorithm = key.getAlgorithm();
    if (material instanceof RSAPublicBCPGKey rsa) {
      return Optional.of(rsa.getModulus().toByteArray());
    } else if (material instanceof DSAPublicBCPGKey dsa) {
      return Optional.of(
          concat(
              signed("p", dsa.getP()),
              signed("q", dsa.getQ()),
              signed("g", dsa.getG()),
              signed("y", dsa.getY())));
    } else if (material instanceof ElGamalPublicBCPGKey elg) {
      return Optional.of(
          concat(signed("p", elg.getP()), signed("g", elg.getG()), signed("y", elg.getY())));
    } else if (material instanceof ECPublicBCPGKey ec
        && (algorithm == PublicKeyAlgorithmTags.ECDH
            || algorithm == PublicKeyAlgorithmTags.ECDSA
            || algorithm == PublicKeyAlgorithmTags.EDDSA_LEGACY)) {
      return ecc(ec.getCurveOID(), ec.getEncodedPoint(), material instanceof EdDSAPublicBCPGKey);
    }
    return Optional.empty();
  }

  private static Optional<byte[]> ecc(ASN1ObjectIdentifier oid, BigInteger point, boolean eddsa) {
    String id = oid.getId();
    String[] bernstein = BERNSTEIN.get(id);
    byte[] q = unsigned(point);
    if (bernstein != null) {
      if (q.length != 33 || q[0] != 0x40) {
        return Optional.empty();
      }
      q = Arrays.copyOfRange(q, 1, q.length); // the native (compact) form, without the prefix
      if (eddsa != id.equals(ED25519_OID)) {
        return Optional.empty();
      }
      HexFormat hex = HexFormat.of();
      byte[] g = hex.parseHex("04" + bernstein[4] + bernstein[5]);
      return Optional.of(
          concat(
              element("p", new BigInteger(bernstein[0], 16)),
              element("a", new BigInteger(bernstein[1], 16)),
              element("b", new BigInteger(bernstein[2], 16)),
              element("g", g),
              element("n", new BigInteger(bernstein[3], 16)),
              element("q", q)));
    }
    if (!NAMED.containsKey(id)) {
      return Optional.empty();
    }
    X9ECParameters curve = ECNamedCurveTable.getByOID(oid);
    if (curve == null) {
      return Optional.empty();
    }
    return Optional.of(
        concat(
            element("p", curve.getCurve().getField().getCharacteristic()),
            element("a", curve.getCurve().getA().toBigInteger()),
            element("b", curve.getCurve().getB().toBigInteger()),
            element("g", curve.getG().getEncoded(false)),
            element("n", curve.getN()),
            element("q", q)));
  }

  /**
   * A parameter as gpg hands it to libgcrypt for RSA, DSA and ElGamal: a signed big-endian
   * integer, so with a zero byte before a value whose top bit is set (what Java's
   * {@link BigInteger#toByteArray} writes too).
   */
  private static byte[] signed(String name, BigInteger value) {
    return element(name, value.toByteArray());
  }

  /** An ECC parameter: libgcrypt hashes the bare magnitude there, without a sign byte. */
  private static byte[] element(String name, BigInteger value) {
    return element(name, unsigned(value));
  }

  /** {@code (1:<name><length>:<bytes>)}, libgcrypt's canonical S-expression of one parameter. */
  private static byte[] element(String name, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("(1:" + name + value.length + ":").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(value);
    out.write(')');
    return out.toByteArray();
  }

  /** Big-endian magnitude without leading zero bytes (the sign byte Java adds, or any other). */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int start = 0;
    while (start < bytes.length - 1 && bytes[start] == 0) {
      start++;
    }
    return Arrays.copyOfRange(bytes, start, bytes.length);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static String sha1(byte[] data) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().withUpperCase().formatHex(sha1.digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
