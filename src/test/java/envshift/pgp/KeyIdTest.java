package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyIdTest {
  @Test
  void printsSixteenUpperCaseHexDigitsWithLeadingZeros() {
    assertThat(new KeyId(0x0A0B0C0D0E0F1011L)).hasToString("0A0B0C0D0E0F1011");
    assertThat(new KeyId(-1L)).hasToString("FFFFFFFFFFFFFFFF");
    assertThat(KeyId.WILDCARD).hasToString("0000000000000000");
  }

  @Test
  void parsesLongIdsWithOrWithout0xAndFingerprints() {
    KeyId expected = new KeyId(0x1234ABCD5678EF90L);

    assertThat(KeyId.parse("1234ABCD5678EF90")).isEqualTo(expected);
    assertThat(KeyId.parse("0x1234abcd5678ef90")).isEqualTo(expected);
    assertThat(KeyId.parse("AAAA BBBB CCCC DDDD EEEE  FFFF 1234 ABCD 5678 EF90"))
        .isEqualTo(expected);
  }

  @Test
  void rejectsAnythingElseNamingTheInput() {
    assertThatThrownBy(() -> KeyId.parse("5678EF90"))
        .isInstanceOf(KeyException.class)
        .hasMessage("'5678EF90' is not a 16-digit hex key id");
    assertThatThrownBy(() -> KeyId.parse("ops@example.org")).isInstanceOf(KeyException.class);
  }
}
