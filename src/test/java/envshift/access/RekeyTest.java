package envshift.access;

import static envshift.access.OffboardFixtures.DEV;
import static envshift.access.OffboardFixtures.copyRepo;
import static envshift.access.OffboardFixtures.deployRing;
import static envshift.access.OffboardFixtures.encrypt;
import static envshift.access.OffboardFixtures.fingerprint;
import static envshift.access.OffboardFixtures.recipientIds;
import static envshift.access.OffboardFixtures.subkeyId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import envshift.EnvshiftException;
import envshift.manifest.ManifestLoader;
import envshift.pgp.KeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rekey service: a removed recipient leaves the files and every place envshift encrypts to. */
class RekeyTest {
  private static final String STAGING = "configs/settings_deployment.staging.py.gpg";
  private static final String PRODUCTION = "configs/settings_deployment.production.py.gpg";

  @TempDir Path tmp;
  private final KeyRing ring = deployRing();

  private Rekey.Result removeDev(Path repo, String... files) {
    List<Path> paths = java.util.Arrays.stream(files).map(repo::resolve).toList();
    return new Rekey(repo, ring).run(new Rekey.Request(paths, List.of(), List.of(DEV)));
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  @Test
  void theRemovedKeyLeavesTheFilesTheManifestAndTheAdminsAndEachPlaceIsReported()
      throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);

    Rekey.Result result = removeDev(repo, STAGING, PRODUCTION);

    assertThat(result.files()).extracting(Rekey.RekeyedFile::path, Rekey.RekeyedFile::why)
        .containsExactly(tuple(STAGING, Optional.empty()),
            tuple(PRODUCTION, Optional.empty()));
    assertThat(result.changes()).containsExactly(
        "updated envshift.yml: removed dev@example.org from recipients",
        "updated live/blackbox-admins.txt");
    assertThat(Files.readString(repo.resolve("envshift.yml")))
        .startsWith("# envshift manifest for the django-blackbox fixture (TEST ONLY).\n")
        .contains("\nrecipients: [deploy@example.org]\n");
    assertThat(ManifestLoader.load(repo).recipients()).containsExactly("deploy@example.org");
    for (String file : List.of(STAGING, PRODUCTION)) {
      assertThat(recipientIds(repo.resolve(file), ring)).containsExactly(subkeyId("deploy-rsa"));
    }
  }

  @Test
  void aManifestEntryNamingTheKeyByFingerprintIsRemovedToo() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    String devFpr = fingerprint("dev-cv25519", "primary");
    edit(repo.resolve("envshift.yml"), "recipients: [deploy@example.org, dev@example.org]",
        "recipients:\n  - deploy@example.org\n  - " + devFpr + "  # Dev, until 2024\n");

    Rekey.Result result = removeDev(repo, STAGING);

    assertThat(result.changes()).contains("updated envshift.yml: removed " + devFpr
        + " from recipients");
    assertThat(Files.readString(repo.resolve("envshift.yml")))
        .contains("recipients:\n  - deploy@example.org\n\nenvironments:");
  }

  @Test
  void removingTheLastManifestRecipientIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    edit(repo.resolve("envshift.yml"), "[deploy@example.org, dev@example.org]",
        "[dev@example.org]");
    byte[] staging = Files.readAllBytes(repo.resolve(STAGING));
    String manifest = Files.readString(repo.resolve("envshift.yml"));
    List<String> admins = Files.readAllLines(repo.resolve("keyrings/live/blackbox-admins.txt"));

    assertThatThrownBy(() -> removeDev(repo, STAGING))
        .isInstanceOf(EnvshiftException.class)
        .hasMessage("envshift.yml: refusing to remove every entry of 'recipients:' (new outputs "
            + "would be for nobody); add the new recipients there first");
    assertThat(Files.readAllBytes(repo.resolve(STAGING))).isEqualTo(staging);
    assertThat(Files.readString(repo.resolve("envshift.yml"))).isEqualTo(manifest);
    assertThat(Files.readAllLines(repo.resolve("keyrings/live/blackbox-admins.txt")))
        .isEqualTo(admins);
  }

  @Test
  void withoutManifestRecipientsTheOtherEncryptedSourcesAreRekeyedToo() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    edit(repo.resolve("envshift.yml"), "recipients: [deploy@example.org, dev@example.org]\n", "");

    Rekey.Result result = removeDev(repo, STAGING);

    assertThat(result.files()).extracting(Rekey.RekeyedFile::path)
        .containsExactly(STAGING, PRODUCTION);
    assertThat(result.files().get(1).why()).contains("envshift.yml has no 'recipients:', so new "
        + "outputs are for the sources' recipients");
    assertThat(recipientIds(repo.resolve(PRODUCTION), ring))
        .containsExactly(subkeyId("deploy-rsa"));
    assertThat(new EncryptionRecipients(repo, ManifestLoader.load(repo), () -> ring)
        .recipients("x")).extracting(r -> r.fingerprint())
        .containsExactly(fingerprint("deploy-rsa", "primary"));
  }

  @Test
  void anEncryptedDevDotenvIsRekeyedTooAndAKeyboxRepoKeepsItsKeybox() throws IOException {
    Path repo = copyRepo("dotenv-envs", tmp);
    Path dev = repo.resolve("configs/.env.gpg");
    Files.write(dev, encrypt("A=1\n", ring, "deploy@example.org", DEV));
    byte[] keybox = Files.readAllBytes(repo.resolve(".blackbox/pubring.kbx"));

    Rekey.Result result = removeDev(repo, "configs/.env.staging.gpg");

    assertThat(result.files()).extracting(Rekey.RekeyedFile::path)
        .containsExactly("configs/.env.staging.gpg", "configs/.env.gpg");
    assertThat(result.files().get(1).why()).contains("rotate --also-dotenv re-encrypts this .env "
        + "to its own recipients");
    assertThat(recipientIds(dev, ring)).containsExactly(subkeyId("deploy-rsa"));
    assertThat(ManifestLoader.load(repo).recipients()).containsExactly("deploy@example.org");
    assertThat(Files.readAllLines(repo.resolve(".blackbox/blackbox-admins.txt")))
        .containsExactly("deploy@example.org");
    assertThat(Files.readAllBytes(repo.resolve(".blackbox/pubring.kbx"))).isEqualTo(keybox);
  }

  @Test
  void addingOnlyNeedsNoManifestAndLeavesItAlone() throws IOException {
    Path repo = copyRepo("django-blackbox", tmp);
    Files.writeString(repo.resolve("envshift.yml"), "not: [a manifest");

    Rekey.Result result = new Rekey(repo, ring).run(new Rekey.Request(
        List.of(repo.resolve(STAGING)), List.of("outsider@example.org"), List.of()));

    assertThat(result.files()).hasSize(1);
    assertThat(recipientIds(repo.resolve(STAGING), ring)).contains(subkeyId("outsider-rsa"));
    assertThat(Files.readString(repo.resolve("envshift.yml"))).isEqualTo("not: [a manifest");
  }
}
