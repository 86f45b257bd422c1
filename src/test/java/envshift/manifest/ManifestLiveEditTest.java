package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ManifestEditor#withLive} edits in place: only the live: list changes. */
class ManifestLiveEditTest {
  @TempDir Path repo;

  @BeforeEach
  void sources() throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/a.py.gpg"), "x");
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private List<String> liveAfterLoad(String text, String env) {
    return ManifestLoader.parse(text, "envshift.yml", repo).environment(env).live();
  }

  @Test
  void aNewLiveLineEndsTheEnvironmentBlockAndEveryCommentStays() {
    String yaml = lines(
        "# envshift manifest (reviewed)",
        "version: 1",
        "environments:",
        "  staging:   # the QA app",
        "    sources:",
        "      - configs/a.py.gpg  # legacy",
        "    heroku:",
        "      app: payroll-staging",
        "",
        "    # trailing note of staging",
        "  production:",
        "    heroku: {app: payroll-production}",
        "drop: [STATIC_ROOT]  # computed");

    String edited = ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY"));

    assertThat(edited).isEqualTo(lines(
        "# envshift manifest (reviewed)",
        "version: 1",
        "environments:",
        "  staging:   # the QA app",
        "    sources:",
        "      - configs/a.py.gpg  # legacy",
        "    heroku:",
        "      app: payroll-staging",
        "    live: [SECRET_KEY]",
        "",
        "    # trailing note of staging",
        "  production:",
        "    heroku: {app: payroll-production}",
        "drop: [STATIC_ROOT]  # computed"));
    assertThat(liveAfterLoad(edited, "staging")).containsExactly("SECRET_KEY");
  }

  @Test
  void theLastEnvironmentGetsItsLiveLineBeforeTheNextTopLevelKey() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  production:",
        "    sources: []  # emptied by cleanup",
        "    heroku: {app: payroll-production}  # TODO: check",
        "# not migrated:",
        "#   configs/nginx.conf.gpg");

    String edited = ManifestEditor.withLive(yaml, "production", List.of("SECRET_KEY", "X_SALT"));

    assertThat(edited).isEqualTo(lines(
        "version: 1",
        "environments:",
        "  production:",
        "    sources: []  # emptied by cleanup",
        "    heroku: {app: payroll-production}  # TODO: check",
        "    live: [SECRET_KEY, X_SALT]",
        "# not migrated:",
        "#   configs/nginx.conf.gpg"));
  }

  @Test
  void namesAreAppendedToAFlowListKeepingItsComment() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live: [SECRET_KEY]  # rotated 2024-05",
        "  production:",
        "    heroku: {app: payroll-production}",
        "    live: [ ]");

    String staging = ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY", "API_SALT"));
    String both = ManifestEditor.withLive(staging, "production", List.of("SECRET_KEY"));

    assertThat(both).isEqualTo(lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live: [SECRET_KEY, API_SALT]  # rotated 2024-05",
        "  production:",
        "    heroku: {app: payroll-production}",
        "    live: [SECRET_KEY]"));
  }

  @Test
  void namesAreAppendedToABlockListIndentedLikeIt() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    live:",
        "    - SECRET_KEY   # first",
        "    heroku: {app: payroll-staging}");

    String edited = ManifestEditor.withLive(yaml, "staging", List.of("JWT_SIGNING_KEY"));

    assertThat(edited).isEqualTo(lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    live:",
        "    - SECRET_KEY   # first",
        "    - JWT_SIGNING_KEY",
        "    heroku: {app: payroll-staging}"));
  }

  @Test
  void anEmptyLiveKeyGetsAValueAndKeepsItsComment() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live:   # nothing rotated yet");

    assertThat(ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY"))).isEqualTo(lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live: [SECRET_KEY]   # nothing rotated yet"));
  }

  @Test
  void aFlowMappingEnvironmentGetsLiveAsItsFirstKey() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging: {heroku: {app: payroll-staging}}  # compact");

    String edited = ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY"));

    assertThat(edited).isEqualTo(lines(
        "version: 1",
        "environments:",
        "  staging: {live: [SECRET_KEY], heroku: {app: payroll-staging}}  # compact"));
    assertThat(liveAfterLoad(edited, "staging")).containsExactly("SECRET_KEY");
  }

  @Test
  void namesAlreadyListedLeaveTheTextUntouched() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live: [SECRET_KEY]");

    assertThat(ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY"))).isSameAs(yaml);
  }

  @Test
  void crlfLineEndsAndAByteOrderMarkAreKept() {
    String yaml = "\uFEFFversion: 1\r\nenvironments:\r\n  staging:\r\n"
        + "    heroku: {app: payroll-staging}\r\n";

    assertThat(ManifestEditor.withLive(yaml, "staging", List.of("SECRET_KEY")))
        .isEqualTo("\uFEFFversion: 1\r\nenvironments:\r\n  staging:\r\n"
            + "    heroku: {app: payroll-staging}\r\n    live: [SECRET_KEY]\r\n");
  }

  @Test
  void aNameYamlWouldReadAsABooleanIsQuoted() {
    String yaml = lines("version: 1", "environments:", "  staging:",
        "    heroku: {app: payroll-staging}");

    String edited = ManifestEditor.withLive(yaml, "staging", List.of("ON"));

    assertThat(edited).endsWith("    live: [\"ON\"]\n");
    assertThat(liveAfterLoad(edited, "staging")).containsExactly("ON");
  }

  @Test
  void aFlowListWhoseBracketStartsALineIsLeftForAHuman() {
    String yaml = lines(
        "version: 1",
        "environments:",
        "  staging:",
        "    heroku: {app: payroll-staging}",
        "    live: [",
        "      SECRET_KEY",
        "    ]");

    assertThatThrownBy(() -> ManifestEditor.withLive(yaml, "staging", List.of("X_SALT")))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("envshift.yml: cannot add to environments.staging.live in place")
        .hasMessageEndingWith("add the names to it by hand");
  }

  @Test
  void theWriterReplacesTheFileAtomicallyKeepingItsModeAndRefusesAChangedFile()
      throws IOException {
    Path file = repo.resolve("envshift.yml");
    Files.writeString(file, "version: 1\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThat(ManifestWriter.replace(repo, "version: 1\n", "version: 1\n# edited\n")).isTrue();

    assertThat(Files.readString(file)).isEqualTo("version: 1\n# edited\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(ManifestWriter.replace(repo, "same", "same")).isFalse();
    assertThatThrownBy(() -> ManifestWriter.replace(repo, "version: 1\n", "version: 2\n"))
        .isInstanceOf(ManifestException.class).hasMessageContaining("changed while");
    try (var files = Files.list(repo)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("configs", "envshift.yml");
    }
  }
}
