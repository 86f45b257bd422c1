package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GitIgnoreTest {
  @Test
  void blackboxEntriesAreAnchoredToTheRoot() {
    GitIgnore ignore = GitIgnore.NONE.with("/configs/local_settings.staging.py\n", "");
    assertThat(ignore.ignores("configs/local_settings.staging.py", false)).isTrue();
    assertThat(ignore.ignores("other/configs/local_settings.staging.py", false)).isFalse();
    assertThat(ignore.ignores("configs/local_settings.staging.py.gpg", false)).isFalse();
  }

  @Test
  void aPatternWithoutSlashMatchesAtAnyDepth() {
    GitIgnore ignore = GitIgnore.NONE.with("*.pyc\n.env\n", "");
    assertThat(ignore.ignores("app/views.pyc", false)).isTrue();
    assertThat(ignore.ignores("a/b/c/.env", false)).isTrue();
    assertThat(ignore.ignores("configs/.env.gpg", false)).isFalse();
  }

  @Test
  void aMiddleSlashAnchorsThePattern() {
    GitIgnore ignore = GitIgnore.NONE.with("configs/*.py\n", "");
    assertThat(ignore.ignores("configs/x.py", false)).isTrue();
    assertThat(ignore.ignores("configs/sub/x.py", false)).as("* stops at /").isFalse();
    assertThat(ignore.ignores("app/configs/x.py", false)).isFalse();
  }

  @Test
  void trailingSlashMatchesDirectoriesOnly() {
    GitIgnore ignore = GitIgnore.NONE.with("build/\n", "");
    assertThat(ignore.ignores("build", true)).isTrue();
    assertThat(ignore.ignores("app/build", true)).isTrue();
    assertThat(ignore.ignores("build", false)).isFalse();
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectories() {
    GitIgnore ignore = GitIgnore.NONE.with("**/secrets.py\nlogs/**\na/**/b\n", "");
    assertThat(ignore.ignores("secrets.py", false)).isTrue();
    assertThat(ignore.ignores("x/y/secrets.py", false)).isTrue();
    assertThat(ignore.ignores("logs/2020/x.log", false)).isTrue();
    assertThat(ignore.ignores("logs", true)).as("logs/** is what is inside").isFalse();
    assertThat(ignore.ignores("a/b", false)).isTrue();
    assertThat(ignore.ignores("a/x/y/b", false)).isTrue();
    assertThat(ignore.ignores("ab", false)).isFalse();
  }

  @Test
  void negationReincludesAndTheLastMatchingLineWins() {
    GitIgnore ignore = GitIgnore.NONE.with(".env*\n!.env.example\n", "");
    assertThat(ignore.ignores(".env", false)).isTrue();
    assertThat(ignore.ignores(".env.staging", false)).isTrue();
    assertThat(ignore.ignores(".env.example", false)).isFalse();
    GitIgnore reversed = GitIgnore.NONE.with("!.env.example\n.env*\n", "");
    assertThat(reversed.ignores(".env.example", false)).isTrue();
  }

  @Test
  void commentsBlankLinesAndEscapesAreHandled() {
    GitIgnore ignore =
        GitIgnore.NONE.with("# *.py\n\n   \n\\#notes\n\\!bang\nspace\\ \ntrail   \r\n", "");
    assertThat(ignore.ignores("x.py", false)).isFalse();
    assertThat(ignore.ignores("#notes", false)).isTrue();
    assertThat(ignore.ignores("!bang", false)).isTrue();
    assertThat(ignore.ignores("space ", false)).isTrue();
    assertThat(ignore.ignores("trail", false)).as("unescaped trailing spaces dropped").isTrue();
  }

  @Test
  void characterClassesAndQuestionMarks() {
    GitIgnore ignore = GitIgnore.NONE.with("settings_[sp]*.py\nfile?.txt\nx[!0-9].cfg\n", "");
    assertThat(ignore.ignores("settings_staging.py", false)).isTrue();
    assertThat(ignore.ignores("settings_production.py", false)).isTrue();
    assertThat(ignore.ignores("settings_dev.py", false)).isFalse();
    assertThat(ignore.ignores("file1.txt", false)).isTrue();
    assertThat(ignore.ignores("file12.txt", false)).isFalse();
    assertThat(ignore.ignores("xa.cfg", false)).isTrue();
    assertThat(ignore.ignores("x1.cfg", false)).isFalse();
  }

  @Test
  void regexCharactersInPatternsAreLiteral() {
    GitIgnore ignore = GitIgnore.NONE.with("a+b(c).py\n[\n", "");
    assertThat(ignore.ignores("a+b(c).py", false)).isTrue();
    assertThat(ignore.ignores("aab(c).py", false)).isFalse();
    assertThat(ignore.ignores("[", false)).as("an unclosed [ is literal").isTrue();
  }

  @Test
  void aNestedFileAppliesBelowItsDirectoryAndOverridesItsParent() {
    GitIgnore root = GitIgnore.NONE.with("*.py\n/top.txt\n", "");
    GitIgnore nested = root.with("!keep.py\n/local.txt\n", "configs");
    assertThat(nested.ignores("configs/keep.py", false)).isFalse();
    assertThat(nested.ignores("configs/other.py", false)).isTrue();
    assertThat(nested.ignores("configs/local.txt", false)).isTrue();
    assertThat(nested.ignores("local.txt", false)).as("anchored to configs/").isFalse();
    assertThat(nested.ignores("configs/sub/local.txt", false)).isFalse();
  }
}
