package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcAEADSecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPairGeneratorProvider;
import org.junit.jupiter.api.Test;

/** A v6 secret key protected by a hostile Argon2 S2K is refused before any key is derived. */
class ExportedSecretKeyTest {
  private static final byte[] SALT = new byte[16];

  static {
    Arrays.fill(SALT, (byte) 0x5A);
  }

  @Test
  void anArgon2ProtectionOf16GiBIsRefusedBeforeDerivingAnything() throws Exception {
    PGPKeyPair pair =
        new BcPGPKeyPairGeneratorProvider()
            .get(PublicKeyPacket.VERSION_6, new Date())
            .generateEd25519KeyPair();
    PGPSecretKey cheap =
        new PGPSecretKey(
            pair.getPrivateKey(),
            pair.getPublicKey(),
            null,
            true,
            new BcAEADSecretKeyEncryptorBuilder(
                    AEADAlgorithmTags.OCB,
                    SymmetricKeyAlgorithmTags.AES_256,
                    new S2K.Argon2Params(SALT, 1, 1, 10))
                .build("pw".toCharArray(), pair.getPublicKey().getPublicKeyPacket()));
    byte[] encoded = cheap.getEncoded();
    int exponent = indexOf(encoded, SALT) + SALT.length + 2; // after the passes and lanes
    assertThat(encoded[exponent]).isEqualTo((byte) 10);
    encoded[exponent] = 24; // 2^24 KiB: 16 GiB
    PGPSecretKey hostile =
        new PGPSecretKeyRing(encoded, new BcKeyFingerprintCalculator()).getSecretKey();
    ExportedSecretKey key = new ExportedSecretKey(hostile, Path.of("keys/ops.asc"));

    long started = System.nanoTime();
    KeyException e =
        catchThrowableOfType(KeyException.class, () -> key.unlock("pw".toCharArray()));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e).isNotNull();
    assertThat(e)
        .hasMessage(
            "keys/ops.asc: its passphrase protection asks for an Argon2 S2K with memory 2^24 KiB,"
                + " 1 passes, 1 lanes; memory at most 2^20 KiB (envshift's S2K bound, see"
                + " docs/security.md)");
    assertThat(millis).as("refused from the packet, not by running Argon2").isLessThan(500);
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("salt not found");
  }
}
