package envshift.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestEditorTest {
  @TempDir Path repo;

  private Manifest manifest(String yaml) throws IOException {
    Files.createDirectories(repo.resolve("configs"));
    for (String f : new String[] {"a.py.gpg", "b.py.gpg", "c.env", "dev.py"}) {
      Files.writeString(repo.resolve("configs/" + f), "X = 1\n");
    }
    return ManifestLoader.parse(yaml, "envshift.yml", repo);
  }

  @Test
  void removedSourcesLeaveFlowAndBlockListsAndEverythingElseIntact() throws IOException {
    String yaml = String.join("\n",
        "version: 1",
        "# keep this comment",
        "environments:",
        "  development:",
        "    sources: [configs/dev.py]",
        "  staging:",
        "    sources: [configs/a.py.gpg, configs/c.env]  # merged",
        "    heroku: {app: demo-staging}",
        "  production:",
        "    sources:",
        "      - configs/b.py.gpg",
        "    heroku: {app: demo-production}",
        "");
    Manifest m = manifest(yaml);

    String edited = ManifestEditor.withoutSources(
        yaml, m, Set.of("configs/a.py.gpg", "configs/b.py.gpg"));

    assertThat(edited).isEqualTo(String.join("\n",
        "version: 1",
        "# keep this comment",
        "environments:",
        "  development:",
        "    sources: [configs/dev.py]",
        "  staging:",
        "    sources: [configs/c.env]  # merged",
        "    heroku: {app: demo-staging}",
        "  production:",
        "    sources:",
        "    heroku: {app: demo-production}",
        ""));
    // The edited manifest loads: a Heroku environment may be left without sources.
    Manifest reloaded = ManifestLoader.parse(edited, "envshift.yml", repo);
    assertThat(reloaded.environment("production").sources()).isEmpty();
    assertThat(reloaded.environment("staging").sources()).extracting(Source::path)
        .containsExactly("configs/c.env");
  }

  @Test
  void theLastItemOfAFlowListLeavesAnEmptyList() throws IOException {
    String yaml = "version: 1\nenvironments:\n  staging:\n"
        + "    sources: [configs/c.env, 'configs/a.py.gpg']\n    heroku: {app: demo-staging}\n";
    Manifest m = manifest(yaml);
    String once = ManifestEditor.withoutSources(yaml, m, Set.of("configs/a.py.gpg"));
    assertThat(once).contains("sources: [configs/c.env]\n");
    String both = ManifestEditor.withoutSources(yaml, m, Set.of("configs/a.py.gpg", "configs/c.env"));
    assertThat(both).contains("sources: []\n");
    assertThat(ManifestLoader.parse(both, "envshift.yml", repo).environment("staging").sources())
        .isEmpty();
  }

  @Test
  void anEnvironmentWithoutHerokuStillNeedsSources() throws IOException {
    manifest("version: 1\nenvironments:\n  development:\n    sources: [configs/dev.py]\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManifestLoader.parse(
            "version: 1\nenvironments:\n  development:\n    sources: []\n", "envshift.yml", repo))
        .hasMessageContaining("no sources");
  }
}
