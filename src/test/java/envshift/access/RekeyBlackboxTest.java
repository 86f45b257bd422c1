package envshift.access;

import static envshift.access.OffboardFixtures.copyRepo;
import static envshift.access.OffboardFixtures.deployRing;
import static envshift.access.OffboardFixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.pgp.Recipients;
import envshift.repo.BlackboxLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What rekey changes in a blackbox layout: the admins list and a pubring.gpg, never a keybox. */
class RekeyBlackboxTest {
  @TempDir Path tmp;

  @Test
  void theRemovedAdminGoesAndTheAddedOneComesWithItsPublicKey() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    BlackboxLayout layout = BlackboxLayout.find(repo).orElseThrow();
    KeyRing ring = deployRing();
    List<Recipient> added = Recipients.resolve(List.of("outsider@example.org"), ring);
    List<String> report = new ArrayList<>();

    RekeyBlackbox.update(layout, ring, added,
        List.of("Dev Tester (TEST ONLY) <dev@example.org>"), report);

    Path live = repo.resolve("keyrings/live");
    assertThat(Files.readAllLines(live.resolve("blackbox-admins.txt")))
        .containsExactly("deploy@example.org", "outsider@example.org");
    assertThat(KeyRing.builder().publicKeyFile(live.resolve("pubring.gpg")).build()
        .certificateFingerprints()).contains(fingerprint("outsider-rsa", "primary"));
    assertThat(report).containsExactly("updated live/blackbox-admins.txt",
        "added 1 key(s) to live/pubring.gpg");
  }

  @Test
  void aKeyboxMissingTheAddedKeyIsRefusedAndOneHoldingItIsNot() {
    Path repo = copyRepo("dotenv-envs", tmp);
    BlackboxLayout layout = BlackboxLayout.find(repo).orElseThrow();
    KeyRing ring = deployRing();

    assertThatThrownBy(() -> RekeyBlackbox.checkKeybox(layout,
        Recipients.resolve(List.of("outsider@example.org"), ring)))
        .hasMessageContaining("pubring.kbx: envshift does not write GnuPG keyboxes; add ")
        .hasMessageContaining("--import KEY), then rerun");
    RekeyBlackbox.checkKeybox(layout, Recipients.resolve(List.of("dev@example.org"), ring));
  }
}
