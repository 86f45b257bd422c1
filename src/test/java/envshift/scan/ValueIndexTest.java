package envshift.scan;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.Secret;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ValueIndexTest {
  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findsAValueAtTheStartInTheMiddleAndAtTheEnd() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("s3cr3t-v4lue"));

    assertThat(index.find(bytes("s3cr3t-v4lue and more"))).containsExactly(0);
    assertThat(index.find(bytes("PASSWORD = 's3cr3t-v4lue'\n"))).containsExactly(0);
    assertThat(index.find(bytes("x=s3cr3t-v4lue"))).containsExactly(0);
    assertThat(index.find(bytes("s3cr3t-v4lue"))).containsExactly(0);
  }

  @Test
  void aSharedPrefixOrATruncatedValueIsNoMatch() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("s3cr3t-v4lue"));

    assertThat(index.find(bytes("s3cr3t-v4lu"))).isEmpty();
    assertThat(index.find(bytes("s3cr3t-v4lXe"))).isEmpty();
    assertThat(index.find(bytes("short"))).isEmpty();
  }

  @Test
  void valuesShorterThanEightCharactersAreNotSearched() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("1234567"));

    assertThat(index.isEmpty()).isTrue();
    assertThat(index.find(bytes("a 1234567 b"))).isEmpty();
  }

  @Test
  void oneValueHeldByTwoVariablesNamesBothAndValuesWithOnePrefixAreTold() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("shared-secret-1"));
    index.add(1, Secret.of("shared-secret-1"));
    index.add(2, Secret.of("shared-secret-123"));

    assertThat(index.find(bytes("..shared-secret-1.."))).containsExactlyInAnyOrder(0, 1);
    assertThat(index.find(bytes("shared-secret-123"))).containsExactlyInAnyOrder(0, 1, 2);
  }

  @Test
  void multibyteValuesAreFoundAsUtf8() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("mot-de-passe-été"));

    assertThat(index.find(bytes("pw: mot-de-passe-été;"))).containsExactly(0);
  }

  @Test
  void holdsTellsWhetherAValueIsTheOneIndexedForThatVariable() {
    ValueIndex index = new ValueIndex();
    index.add(0, Secret.of("value-of-zero"));
    index.add(1, Secret.of("value-of-one!"));

    assertThat(index.holds(0, Secret.of("value-of-zero"))).isTrue();
    assertThat(index.holds(1, Secret.of("value-of-zero"))).isFalse();
    assertThat(index.holds(0, Secret.of("rotated-value"))).isFalse();
  }

  @Test
  void findsEveryOccurrenceInALargeBuffer() {
    ValueIndex index = new ValueIndex();
    index.add(7, Secret.of("needle-in-hay"));
    byte[] hay = new byte[1 << 20];
    java.util.Arrays.fill(hay, (byte) 'x');
    byte[] needle = bytes("needle-in-hay");
    System.arraycopy(needle, 0, hay, hay.length - needle.length, needle.length);

    assertThat(index.find(hay)).containsExactly(7);
  }
}
