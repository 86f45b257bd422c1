package envshift.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import envshift.manifest.ManifestLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** envshift.yml: any text loads or is refused with an EnvshiftException naming the file. */
class ManifestFuzzTest {
  @TempDir static Path repo;

  @BeforeAll
  static void makeRepo() throws IOException {
    // the files the seeds name, so validation gets past "source not found"
    Files.createDirectories(repo.resolve("config"));
    Files.write(repo.resolve("config/settings.py.gpg"), new byte[] {1});
    Files.write(repo.resolve("config/.env.production.gpg"), new byte[] {1});
  }

  @FuzzTest
  void manifest(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Property.parsesOrFailsCleanly(
        () -> ManifestLoader.parse(text, ManifestLoader.FILE_NAME, repo));
  }
}
