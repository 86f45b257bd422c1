package envshift.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.Origin;
import envshift.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvSetTest {
  private static EnvVar var(String name, String value) {
    return new EnvVar(name, Secret.of(value), Origin.of("s.py"));
  }

  @Test
  void valuesKeepTheOrderOfVars() {
    EnvSet set = EnvSet.of(List.of(var("Z", "1"), var("A", "2"), var("M", "3")));

    assertThat(set.values().keySet()).containsExactly("Z", "A", "M");
    assertThat(set.values().get("A")).isEqualTo(Secret.of("2"));
  }

  @Test
  void configBytesCountsNamesAndValuesInUtf8() {
    EnvSet set = EnvSet.of(List.of(var("AB", "é"), var("C", "")));

    assertThat(set.configBytes()).isEqualTo(2 + 2 + 1);
  }

  @Test
  void duplicateNamesAreRefused() {
    assertThatThrownBy(() -> EnvSet.of(List.of(var("A", "1"), var("A", "2"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringShowsNamesNotValues() {
    EnvSet set = EnvSet.of(List.of(var("SECRET_KEY", "canary-4711")));

    assertThat(set.toString()).contains("SECRET_KEY").doesNotContain("canary");
    assertThat(set.vars().get("SECRET_KEY").toString()).doesNotContain("canary");
  }
}
