package envshift.access;

import static envshift.access.OffboardFixtures.copyRepo;
import static envshift.access.OffboardFixtures.deployRing;
import static envshift.access.OffboardFixtures.fingerprint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.EnvshiftException;
import envshift.manifest.ManifestLoader;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whom encrypted outputs are for: the manifest's recipients, else the legacy files' ones. */
class EncryptionRecipientsTest {
  private static final String DEPLOY_USER = "Payroll Deploy (TEST ONLY) <deploy@example.org>";
  private static final String DEV_USER = "Dev Tester (TEST ONLY) <dev@example.org>";

  @TempDir Path tmp;

  private static List<Recipient> recipients(Path repo, Supplier<KeyRing> keys) {
    return new EncryptionRecipients(repo, ManifestLoader.load(repo), keys).recipients("use --x");
  }

  @Test
  void theManifestsRecipientsAreResolvedInItsOrder() {
    Path repo = copyRepo("django-blackbox", tmp);

    List<Recipient> to = recipients(repo, OffboardFixtures::deployRing);

    assertThat(EncryptionRecipients.describe(to)).isEqualTo(DEPLOY_USER + ", " + DEV_USER);
    assertThat(to).extracting(Recipient::fingerprint).containsExactly(
        fingerprint("deploy-rsa", "primary"), fingerprint("dev-cv25519", "primary"));
  }

  @Test
  void withoutRecipientsTheEncryptedSourcesRecipientsAreUsed() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest, Files.readString(manifest)
        .replace("recipients: [deploy@example.org, dev@example.org]\n", ""));

    List<Recipient> to = recipients(repo, OffboardFixtures::deployRing);

    assertThat(to).extracting(Recipient::fingerprint).containsExactlyInAnyOrder(
        fingerprint("deploy-rsa", "primary"), fingerprint("dev-cv25519", "primary"));
  }

  @Test
  void plaintextSourcesNameNobodyAndNeedNoKeys() throws IOException {
    Path repo = tmp.resolve("plain");
    Files.createDirectories(repo.resolve("configs"));
    Files.writeString(repo.resolve("configs/app.env"), "A=1\n");
    Files.writeString(repo.resolve("envshift.yml"),
        "version: 1\nenvironments:\n  staging:\n    sources: [configs/app.env]\n"
            + "    heroku: {app: demo}\n");

    assertThatThrownBy(() -> recipients(repo, () -> {
      throw new AssertionError("keys loaded for plaintext sources");
    }))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("no recipients known for encrypted output: list them under 'recipients:' in "
            + "envshift.yml (the legacy files name none), or use --x");
  }

  @Test
  void aRecipientNoKeyringKnowsSaysWhereKeysWereSearched() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    Path manifest = repo.resolve("envshift.yml");
    Files.writeString(manifest, Files.readString(manifest)
        .replace("dev@example.org]", "nobody@example.org]"));

    assertThatThrownBy(() -> recipients(repo, OffboardFixtures::deployRing))
        .hasMessageContaining("'nobody@example.org' matches no key")
        .hasMessageEndingWith("(the repo keyring, --public-key FILE and the GnuPG home were "
            + "searched)");
  }
}
