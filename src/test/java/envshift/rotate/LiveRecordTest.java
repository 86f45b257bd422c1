package envshift.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.manifest.ManifestException;
import envshift.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording rotated names in envshift.yml: prepared first, written after the rotation. */
class LiveRecordTest {
  private static final String YAML = "version: 1\nenvironments:\n  staging:  # QA\n"
      + "    heroku: {app: payroll-staging}\n";

  @TempDir Path repo;
  private Path manifest;

  @BeforeEach
  void write() throws IOException {
    manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest, YAML);
  }

  @Test
  void prepareWritesNothingAndWriteRecordsTheNames() throws IOException {
    LiveRecord record = LiveRecord.prepare(repo, "staging", List.of("SECRET_KEY"));
    assertThat(Files.readString(manifest)).isEqualTo(YAML);

    assertThat(record.write()).hasValueSatisfying(line -> assertThat(line)
        .startsWith("envshift.yml: environments.staging.live lists SECRET_KEY"));

    assertThat(Files.readString(manifest)).isEqualTo(YAML + "    live: [SECRET_KEY]\n");
    assertThat(ManifestLoader.load(repo).environment("staging").live())
        .containsExactly("SECRET_KEY");
  }

  @Test
  void aManifestEditedMeanwhileIsEditedAgainNotOverwritten() throws IOException {
    LiveRecord record = LiveRecord.prepare(repo, "staging", List.of("SECRET_KEY"));
    Files.writeString(manifest, YAML + "drop: [X]  # added meanwhile\n");

    record.write();

    assertThat(Files.readString(manifest))
        .isEqualTo(YAML + "    live: [SECRET_KEY]\ndrop: [X]  # added meanwhile\n");
  }

  @Test
  void namesAlreadyRecordedWriteNothing() throws IOException {
    Files.writeString(manifest, YAML + "    live: [SECRET_KEY]\n");

    assertThat(LiveRecord.prepare(repo, "staging", List.of("SECRET_KEY")).write()).isEmpty();
  }

  @Test
  void aNameTheManifestCannotHoldIsRefusedBeforeTheRotation() {
    assertThatThrownBy(() -> LiveRecord.prepare(repo, "staging", List.of("HEROKU_API_KEY")))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("environments.staging.live[0]: 'HEROKU_API_KEY'");
  }

  @Test
  void aFailedWriteSaysTheRotationStandsAndWhatToAddByHand() throws IOException {
    LiveRecord record = LiveRecord.prepare(repo, "staging", List.of("SECRET_KEY"));
    Files.delete(manifest);

    assertThatThrownBy(record::write)
        .isInstanceOf(EnvshiftException.class)
        .hasMessageStartingWith("rotated on Heroku, but envshift.yml was not updated")
        .hasMessageEndingWith("add SECRET_KEY to environments.staging.live by hand, or plan will "
            + "offer the old values back");
  }
}
