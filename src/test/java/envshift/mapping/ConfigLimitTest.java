package envshift.mapping;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Origin;
import envshift.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLimitTest {
  private static EnvVar var(String name, int valueBytes) {
    return new EnvVar(name, Secret.of("x".repeat(valueBytes)), Origin.of("s.py"));
  }

  @Test
  void exactly32768BytesPasses() {
    EnvSet set = EnvSet.of(List.of(var("AB", 32768 - 2)));

    assertThatCode(() -> ConfigLimit.check("production", set)).doesNotThrowAnyException();
  }

  @Test
  void oneByteOverFailsNamingEnvironmentTotalAndLargestVars() {
    EnvSet set = EnvSet.of(List.of(
        var("SMALL", 10), var("BIG", 20000), var("MEDIUM", 12000), var("TINY", 1),
        var("LARGE", 735)));

    assertThatThrownBy(() -> ConfigLimit.check("production", set))
        .isInstanceOf(MappingException.class)
        .hasMessage("environment production: config vars take 32769 bytes, over Heroku's limit "
            + "of 32768 bytes per app; largest: BIG (20003 bytes), MEDIUM (12006 bytes), "
            + "LARGE (740 bytes)");
  }

  @Test
  void multiByteCharactersCountAsTheirUtf8Bytes() {
    // 'é' is two bytes in UTF-8: 16384 of them are 32768 bytes, plus the name.
    EnvSet set = EnvSet.of(List.of(
        new EnvVar("E", Secret.of("é".repeat(16384)), Origin.of("s.py"))));

    assertThatThrownBy(() -> ConfigLimit.check("staging", set))
        .hasMessageStartingWith("environment staging: config vars take 32769 bytes");
  }
}
