package envshift.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import envshift.pgp.Decryptor;
import envshift.pgp.KeyRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenPGP decryptor over arbitrary bytes: each input decrypts or is refused with an
 * EnvshiftException. The key ring is fixed (derived from constant bytes, not generated at random)
 * so that committed inputs encrypted to it keep reaching the decryption code run after run.
 */
class DecryptorFuzzTest {
  @TempDir static Path dir;
  static Decryptor decryptor;

  @BeforeAll
  static void fixedKeys() throws Exception {
    Path file = Files.write(dir.resolve("fuzz-secret.gpg"), fixedSecretKeyRing().getEncoded());
    KeyRing keys = KeyRing.builder()
        .secretKeyFile(file)
        .passphrases(forWhat -> Optional.empty())
        .build();
    decryptor = new Decryptor(keys);
  }

  /**
   * An unprotected Ed25519 primary with an X25519 encryption subkey, from constant bytes and a
   * constant date: the same key IDs every run. Test-only; it protects nothing.
   */
  static PGPSecretKeyRing fixedSecretKeyRing() throws Exception {
    Date created = new Date(1_700_000_000_000L);
    Ed25519PrivateKeyParameters sign = new Ed25519PrivateKeyParameters(constant(1), 0);
    X25519PrivateKeyParameters crypt = new X25519PrivateKeyParameters(constant(2), 0);
    PGPKeyPair primary = new BcPGPKeyPair(PublicKeyPacket.VERSION_4,
        PublicKeyAlgorithmTags.EDDSA_LEGACY,
        new AsymmetricCipherKeyPair(sign.generatePublicKey(), sign), created);
    PGPKeyPair sub = new BcPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.ECDH,
        new AsymmetricCipherKeyPair(crypt.generatePublicKey(), crypt), created);
    PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
    primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
    PGPSignatureSubpacketGenerator subFlags = new PGPSignatureSubpacketGenerator();
    subFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
    PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION,
        primary, "Fuzz Target <fuzz@example.org>",
        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), primaryFlags.generate(),
        null, new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.EDDSA_LEGACY,
            HashAlgorithmTags.SHA256), null);
    generator.addSubKey(sub, subFlags.generate(), null);
    return generator.generateSecretKeyRing();
  }

  private static byte[] constant(int fill) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (fill * 31 + i);
    }
    return bytes;
  }

  /** Guards the seeds: if the fixed key changed, fuzzing would never get past the key lookup. */
  @Test
  void theCommittedSeedsStillDecryptWithTheFixedKey() throws Exception {
    byte[] seed = DecryptorFuzzTest.class.getResourceAsStream(
        "DecryptorFuzzTestInputs/decrypt/mdc-zlib.gpg").readAllBytes();
    assertThat(new String(decryptor.decrypt(seed, "seed").plaintext(), StandardCharsets.UTF_8))
        .startsWith("SECRET_KEY = ");
  }

  @FuzzTest
  void decrypt(byte[] input) {
    Property.parsesOrFailsCleanly(() -> decryptor.decrypt(input, "config/settings.py.gpg"));
  }
}
