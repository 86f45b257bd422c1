package envshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A revealed value must not drive the terminal; only --json prints it as it is. */
class ShowControlCharactersTest {
  /** ESC [2J (clear screen), BEL, CR, a C1 control and a line separator. */
  private static final String HOSTILE = "a\u001b[2Jb\u0007c\rd\u009be\u2028f";

  @TempDir Path home;
  @TempDir Path repo;

  @BeforeEach
  void repoWithAHostileValue() throws IOException {
    Files.writeString(repo.resolve("envshift.yml"), """
        version: 1
        environments:
          development:
            sources: [configs/settings.py]
        """);
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/settings.py"),
        "BANNER = 'a\\x1b[2Jb\\x07c\\rd\\x9be\\u2028f'\n");
  }

  @Test
  void showRevealPrintsControlCharactersVisibly() {
    Cli.Result r = new Cli(home).run("show", "--repo", repo.toString(), "--reveal");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("BANNER  a\\u001b[2Jb\\u0007c\\rd\\u009be\\u2028f")
        .doesNotContain("\u001b", "\u0007", "\r", "\u009b", "\u2028");
  }

  @Test
  void showJsonRevealKeepsTheExactValue() throws IOException {
    Cli.Result r = new Cli(home).run("show", "--repo", repo.toString(), "--reveal", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("development").get("BANNER").asText())
        .isEqualTo(HOSTILE);
  }
}
