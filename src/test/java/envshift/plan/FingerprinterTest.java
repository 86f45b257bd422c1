package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FingerprinterTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  @Test
  void isTheTruncatedHmacSha256UnderTheKey() {
    // RFC 4231 test case 1: key = 20 bytes of 0x0b, data = "Hi There".
    byte[] key = new byte[20];
    java.util.Arrays.fill(key, (byte) 0x0b);
    assertThat(Fingerprinter.withKey(key).fingerprint(Secret.of("Hi There")))
        .isEqualTo("b0344c61d8db3853");
  }

  @Test
  void equalValuesGiveEqualFingerprintsOnlyUnderOneKey() {
    Fingerprinter run1 = Fingerprinter.random(new SecureRandom());
    Fingerprinter run2 = Fingerprinter.random(new SecureRandom());
    assertThat(run1.fingerprint(Secret.of("pw"))).isEqualTo(run1.fingerprint(Secret.of("pw")));
    assertThat(run1.fingerprint(Secret.of("pw"))).isNotEqualTo(run1.fingerprint(Secret.of("pw2")));
    assertThat(run1.fingerprint(Secret.of("pw"))).isNotEqualTo(run2.fingerprint(Secret.of("pw")));
  }

  @Test
  void isNeitherAPlainHashNorAPrefix() throws Exception {
    String value = "hunter2-hunter2";
    String plain = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    String fp = Fingerprinter.withKey(KEY).fingerprint(Secret.of(value));
    assertThat(plain).doesNotContain(fp);
    assertThat(fp).doesNotContain("hunter");
  }

  @Test
  void shortKeysAreRefusedAndTheKeyIsNotShown() {
    assertThatThrownBy(() -> Fingerprinter.withKey(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Fingerprinter.withKey(KEY).toString()).doesNotContain("0123");
  }
}
