package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which vars rotate cannot rotate alone: their new value must come from an external service. */
class RotationPolicyAloneTest {
  @ParameterizedTest
  @ValueSource(strings = {"SECRET_KEY", "DJANGO_SECRET_KEY", "FLASK_SECRET_KEY", "SECRET_KEY_BASE",
      "JWT_SECRET", "JWT_SECRET_KEY", "SESSION_SECRET", "COOKIE_SECRET", "CSRF_SIGNING_KEY",
      "PASSWORD_SALT", "HASHID_SALT", "FIELD_ENCRYPTION_KEY", "DEBUG", "secret_key"})
  void generatedSecretsAndOtherNamesAreRotatable(String name) {
    assertThat(RotationPolicy.cannotRotateAlone(List.of(name))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "MAILCHIMP_API_KEY",
      "API_KEY", "SENDGRID_APIKEY", "TWILIO_AUTH_TOKEN", "GITHUB_TOKEN", "TOKEN",
      "GOOGLE_CLIENT_SECRET", "EMAIL_HOST_PASSWORD", "DB_PASSWORD", "PASSWORD", "REDIS_PASS",
      "DATABASE_REPORTING_URL", "SOLR_URL", "SENTRY_DSN", "MONGO_URI", "RECAPTCHA_PRIVATE_KEY",
      "STRIPE_WEBHOOK_SECRET", "SLACK_SIGNING_SECRET", "STRIPE_SECRET_KEY", "aws_access_key_id"})
  void credentialsAnExternalServiceIssuesAreNamed(String name) {
    assertThat(RotationPolicy.cannotRotateAlone(List.of(name)))
        .singleElement().asString().startsWith(name + ": ");
  }

  @Test
  void eachNameGetsOneLineWithItsReasonInTheOrderGiven() {
    assertThat(RotationPolicy.cannotRotateAlone(
        List.of("SECRET_KEY", "SENTRY_DSN", "AWS_SECRET_ACCESS_KEY", "SMTP_PASSWORD")))
        .containsExactly(
            "SENTRY_DSN: a URL: a random value is not one, and the credentials in it are issued "
                + "by the service it points to",
            "AWS_SECRET_ACCESS_KEY: an access key pair: the provider issues it (for AWS: IAM, "
                + "create a new access key)",
            "SMTP_PASSWORD: a password another system checks (database, SMTP...): change it "
                + "there first");
  }

  @Test
  void withoutForceTheyAreRefusedAfterOneLineEach() {
    List<String> lines = new ArrayList<>();

    assertThatThrownBy(() -> RotationPolicy.checkAlone(
        List.of("SECRET_KEY", "STRIPE_API_KEY", "GITHUB_TOKEN"), false, lines::add))
        .isInstanceOf(RotationException.class)
        .hasMessage("nothing rotated: envshift cannot rotate 2 of these alone (listed above); "
            + "rotate them at their service and set the new value, or pass --force");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("STRIPE_API_KEY: ");
    assertThat(lines.get(1)).startsWith("GITHUB_TOKEN: ");
  }

  @Test
  void withForceTheyAreRotatedWithAWarningEach() {
    List<String> lines = new ArrayList<>();

    RotationPolicy.checkAlone(List.of("SECRET_KEY", "STRIPE_API_KEY"), true, lines::add);

    assertThat(lines).singleElement().asString()
        .startsWith("warning: rotating anyway (--force): STRIPE_API_KEY: ");
  }

  @Test
  void generatedNamesAloneNeedNoForceAndSayNothing() {
    List<String> lines = new ArrayList<>();

    RotationPolicy.checkAlone(List.of("SECRET_KEY", "API_SIGNING_KEY"), false, lines::add);

    assertThat(lines).isEmpty();
  }
}
