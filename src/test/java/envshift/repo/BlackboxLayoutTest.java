package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlackboxLayoutTest {
  @TempDir Path root;

  @Test
  void keyringsLiveIsFoundWithItsListsAndGpg1Pubring() {
    new TestRepo(root)
        .text("keyrings/live/blackbox-files.txt", "configs/a.py\nconfigs/b.py\n")
        .text("keyrings/live/blackbox-admins.txt", "deploy@example.org\nhannah@example.org\n")
        .bytes("keyrings/live/pubring.gpg", new byte[] {(byte) 0x99, 1, 13, 4})
        .bytes("keyrings/live/trustdb.gpg", new byte[] {1});

    BlackboxLayout layout = BlackboxLayout.find(root).orElseThrow();

    assertThat(layout.configDir()).isEqualTo(root.resolve("keyrings/live"));
    assertThat(layout.files()).containsExactly("configs/a.py", "configs/b.py");
    assertThat(layout.admins()).containsExactly("deploy@example.org", "hannah@example.org");
    assertThat(layout.pubring()).contains(root.resolve("keyrings/live/pubring.gpg"));
  }

  @Test
  void dotBlackboxComesFirstLikeBlackboxV1() {
    new TestRepo(root)
        .text("keyrings/live/blackbox-files.txt", "old.py\n")
        .text(".blackbox/blackbox-files.txt", "new.py\n");

    BlackboxLayout layout = BlackboxLayout.find(root).orElseThrow();

    assertThat(layout.configDir()).isEqualTo(root.resolve(".blackbox"));
    assertThat(layout.files()).containsExactly("new.py");
  }

  @Test
  void kbxPubringIsUsedWhenThereIsNoGpgOne() {
    new TestRepo(root).bytes(".blackbox/pubring.kbx", new byte[] {0, 0, 0, 32, 1});

    assertThat(BlackboxLayout.find(root).orElseThrow().pubring())
        .contains(root.resolve(".blackbox/pubring.kbx"));
  }

  @Test
  void gpgPubringIsPreferredOverKbx() {
    new TestRepo(root)
        .bytes(".blackbox/pubring.kbx", new byte[] {0, 0, 0, 32, 1})
        .bytes(".blackbox/pubring.gpg", new byte[] {(byte) 0x99, 1, 13, 4});

    assertThat(BlackboxLayout.find(root).orElseThrow().pubring())
        .contains(root.resolve(".blackbox/pubring.gpg"));
  }

  @Test
  void crlfBlankLinesCommentsAndDotSlashAreTolerated() {
    new TestRepo(root)
        .text(".blackbox/blackbox-files.txt", "configs/a.py\r\n\r\n# old\r\n./configs/b.py  \r\n")
        .text(".blackbox/blackbox-admins.txt", "\r\ndeploy@example.org\r\n");

    BlackboxLayout layout = BlackboxLayout.find(root).orElseThrow();

    assertThat(layout.files()).containsExactly("configs/a.py", "configs/b.py");
    assertThat(layout.admins()).containsExactly("deploy@example.org");
  }

  @Test
  void missingListsAndPubringAreEmpty() {
    new TestRepo(root).text(".blackbox/.gitattributes", "blackbox-files.txt text eol=lf\n");

    BlackboxLayout layout = BlackboxLayout.find(root).orElseThrow();

    assertThat(layout.files()).isEmpty();
    assertThat(layout.admins()).isEmpty();
    assertThat(layout.pubring()).isEmpty();
  }

  @Test
  void aRepoWithoutBlackboxHasNoLayout() {
    new TestRepo(root).text("keyrings/README", "not a dir named live\n");

    assertThat(BlackboxLayout.find(root)).isEmpty();
  }

  @Test
  void listsAreCopied() {
    List<String> files = new java.util.ArrayList<>(List.of("a.py"));
    BlackboxLayout layout = new BlackboxLayout(root, files, List.of(), Optional.empty());
    files.add("b.py");
    assertThat(layout.files()).containsExactly("a.py");
  }
}
