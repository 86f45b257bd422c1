package envshift.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialUrlTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "postgres://user:pass@db.example.org:5432/app",
      "redis://:only-password@cache:6379/0",
      "postgres://u:p@ss@host/db",
      "AMQP://u:p@mq",
      "mysql://u:p%40ss@host/db?ssl=true",
  })
  void urlsWithAPasswordAreSecrets(String value) {
    assertThat(CredentialUrl.hasPassword(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://example.org",
      "https://example.org:8080/path@x",
      "https://user@example.org",
      "https://example.org/?q=a:b@c",
      "user:pass@host",
      "not a url",
      "",
  })
  void otherValuesAreNot(String value) {
    assertThat(CredentialUrl.hasPassword(value)).isFalse();
  }
}
