package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorsTest {
  private static final SecureRandom RNG = new SecureRandom();
  private static final String DJANGO = "abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)";

  private static String gen(String spec) {
    return Generators.generate(spec, RNG).reveal();
  }

  private static SecureRandom seeded() throws NoSuchAlgorithmException {
    SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
    rng.setSeed(42L); // seeded before first use: a fixed stream, for determinism only
    return rng;
  }

  private static Set<String> many(int n, Supplier<String> generator) {
    Set<String> values = new HashSet<>();
    for (int i = 0; i < n; i++) {
      values.add(generator.get());
    }
    return values;
  }

  @Test
  void djangoKeyIs50CharactersFromDjangosAlphabetWithoutTheDollar() {
    assertThat(Generators.DJANGO_ALPHABET).isEqualTo(DJANGO.replace("$", ""));
    for (String key : many(200, () -> gen("django-secret-key"))) {
      assertThat(key).hasSize(50).matches("[a-z0-9!@#%^&*(\\-_=+)]{50}").doesNotContain("$");
    }
  }

  @Test
  void djangoKeysUseTheWholeAlphabet() {
    Set<Character> seen = new HashSet<>();
    for (String key : many(200, () -> gen("django-secret-key"))) {
      key.chars().forEach(c -> seen.add((char) c));
    }
    assertThat(seen).hasSize(Generators.DJANGO_ALPHABET.length());
  }

  @Test
  void hexGivesTwoDigitsPerByte() {
    assertThat(gen("hex:32")).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(gen("hex:16")).hasSize(32);
  }

  @Test
  void base64urlIsUnpaddedAndDecodesToNBytes() {
    String value = gen("base64url:32");
    assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    assertThat(Base64.getUrlDecoder().decode(value)).hasSize(32);
    assertThat(gen("base64url:16")).hasSize(22).doesNotContain("=");
  }

  @Test
  void passwordHasTheLengthAndEveryClass() {
    for (String pw : many(500, () -> gen("password:12"))) {
      assertThat(pw).hasSize(12).matches("[A-Za-z0-9._~-]{12}")
          .containsPattern("[a-z]").containsPattern("[A-Z]").containsPattern("[0-9]")
          .containsPattern("[._~-]");
    }
    assertThat(gen("password:40")).hasSize(40);
  }

  @Test
  void uuidIsVersion4() {
    UUID uuid = UUID.fromString(gen("uuid"));
    assertThat(uuid.version()).isEqualTo(4);
    assertThat(uuid.variant()).isEqualTo(2);
    assertThat(uuid.toString())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"django-secret-key", "hex:16", "base64url:32", "password:16", "uuid"})
  void valuesAreUniqueAndDotenvSafe(String spec) {
    Set<String> values = many(1000, () -> gen(spec));
    assertThat(values).hasSize(1000);
    assertThat(values).allSatisfy(v -> assertThat(v).doesNotContainPattern("[\"\\\\$'`\\s]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"django-secret-key", "hex:16", "base64url:32", "password:16", "uuid"})
  void outputComesOnlyFromTheGivenGenerator(String spec) throws Exception {
    assertThat(Generators.generate(spec, seeded()))
        .isEqualTo(Generators.generate(spec, seeded()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "foo", "hex", "hex:", "hex:abc", "hex:-1", "hex:8", "hex:2000",
      "base64url:15", "password:4", "password:99999999", "HEX:32", "uuid:4", "django"})
  void aBadSpecIsAUsageErrorNamingIt(String spec) {
    assertThatThrownBy(() -> Generators.generate(spec, RNG))
        .isInstanceOf(EnvshiftException.class)
        .hasMessageContaining("'" + spec + "'")
        .extracting(e -> ((EnvshiftException) e).exitCode()).isEqualTo(EnvshiftException.USAGE);
  }

  @Test
  void defaultsAreDjangosKeyForItsSettingAnd32BytesOtherwise() {
    assertThat(List.of("SECRET_KEY", "DJANGO_SECRET_KEY", "API_TOKEN", "secret_key"))
        .extracting(Generators::defaultFor)
        .containsExactly("django-secret-key", "django-secret-key", "base64url:32", "base64url:32");
    assertThat(gen(Generators.defaultFor("API_TOKEN"))).hasSize(43);
  }
}
