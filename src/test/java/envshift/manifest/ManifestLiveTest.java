package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading {@code environments.ENV.live}: the vars an app owns since they were rotated. */
class ManifestLiveTest {
  @TempDir Path repo;

  @BeforeEach
  void sources() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/a.py"), "x");
  }

  private Manifest load(String environments) {
    return ManifestLoader.parse("version: 1\nenvironments:\n" + environments, "envshift.yml",
        repo);
  }

  @Test
  void liveNamesAreReadInOrderAndDefaultToNone() {
    Manifest m = load("""
          staging:
            sources: [configs/a.py]
            heroku: {app: payroll-staging}
            live:
              - SECRET_KEY
              - JWT_SIGNING_KEY
          production:
            heroku: {app: payroll-production}
            live: [SECRET_KEY]
          review:
            heroku: {app: payroll-review}
            live:
        """);

    assertThat(m.environment("staging").live()).containsExactly("SECRET_KEY", "JWT_SIGNING_KEY");
    assertThat(m.environment("production").live()).containsExactly("SECRET_KEY");
    assertThat(m.environment("production").sources()).isEmpty();
    assertThat(m.environment("review").live()).isEmpty();
  }

  @Test
  void aNameListedTwiceIsAnErrorWithTheYamlPathAndBothLines() {
    assertThatThrownBy(() -> load("""
          staging:
            heroku: {app: payroll-staging}
            live:
              - SECRET_KEY
              - SIGNING_KEY
              - SECRET_KEY
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:8: environments.staging.live[2]: SECRET_KEY is listed twice "
            + "(first at line 6)");
  }

  @Test
  void aNameThatIsNotAConfigVarNameIsAnError() {
    assertThatThrownBy(() -> load("""
          staging:
            heroku: {app: payroll-staging}
            live: [SECRET-KEY]
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:5: environments.staging.live[0]: 'SECRET-KEY' is not a valid "
            + "environment variable name (expected [A-Za-z_][A-Za-z0-9_]*)");
  }

  @Test
  void liveWithoutAnAppIsAnError() {
    assertThatThrownBy(() -> load("""
          development:
            sources: [configs/a.py]
            live: [SECRET_KEY]
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:5: environments.development.live: only goes with heroku (the "
            + "vars a rotation left on the app)");
  }

  @Test
  void liveMustBeAList() {
    assertThatThrownBy(() -> load("""
          staging:
            heroku: {app: payroll-staging}
            live: SECRET_KEY
        """))
        .isInstanceOf(ManifestException.class)
        .hasMessage("envshift.yml:5: environments.staging.live: expected a list, found a string");
  }
}
