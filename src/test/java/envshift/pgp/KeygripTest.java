package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keygrips computed here against the ones gpg prints ({@code --with-keygrip}). */
class KeygripTest {
  @TempDir static Path dir;
  static Gpg gpg;

  @BeforeAll
  static void makeKeys() {
    gpg = TestKeys.home(dir.resolve("gnupg"), TestKeys.RSA, TestKeys.CV, TestKeys.ELGAMAL);
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  private static List<String> computed(byte[] publicKeys) throws IOException {
    Path file = Files.write(dir.resolve("pub-" + System.nanoTime() + ".gpg"), publicKeys);
    List<String> grips = new ArrayList<>();
    for (PGPPublicKeyRing ring : KeyFiles.read(file).certificates()) {
      for (PGPPublicKey key : ring) {
        grips.add(Keygrip.of(key).orElse("none"));
      }
    }
    return grips;
  }

  @Test
  void theFixtureKeysHaveTheKeygripsListedInFingerprintsTxt() throws IOException {
    Map<String, String> expected =
        Files.readAllLines(Path.of("fixtures/keys/fingerprints.txt")).stream()
            .filter(line -> !line.startsWith("#"))
            .map(line -> line.trim().split("\\s+"))
            .collect(Collectors.toMap(f -> f[5], f -> f[6]));
    for (String name : List.of("deploy-rsa", "dev-cv25519", "outsider-rsa")) {
      Path file = Path.of("fixtures/keys/" + name + ".pub.asc");
      for (PGPPublicKeyRing ring : KeyFiles.read(file).certificates()) {
        for (PGPPublicKey key : ring) {
          String keyId = new KeyId(key.getKeyID()).toString();
          assertThat(Keygrip.of(key)).as(name + " " + keyId).contains(expected.get(keyId));
        }
      }
    }
  }

  @Test
  void rsaEd25519Cv25519DsaAndElGamalKeysHaveGpgsKeygrips() throws IOException {
    for (String who : List.of(TestKeys.RSA, TestKeys.CV, TestKeys.ELGAMAL)) {
      assertThat(computed(gpg.exportPublic(who, false))).as(who).isEqualTo(gpg.keygrips(who));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "nistp256",
        "nistp384",
        "nistp521",
        "brainpoolP256r1",
        "brainpoolP384r1",
        "brainpoolP512r1"
      })
  void nistAndBrainpoolKeysHaveGpgsKeygrips(String curve) throws IOException {
    String who = curve + " <" + curve + "@example.org>";
    gpg.keyCommand("", "--quick-gen-key", who, curve, "sign,cert", "never");
    gpg.keyCommand("", "--quick-add-key", gpg.fingerprint(who), curve, "encr", "never");

    List<String> grips = computed(gpg.exportPublic(who, false));

    assertThat(grips).hasSize(2).isEqualTo(gpg.keygrips(who));
  }

  @Test
  void onlyTheKeyFileOfTheMessagesRecipientIsOpened() throws IOException {
    Path home = Files.createDirectories(dir.resolve("only-recipient/private-keys-v1.d"));
    Files.copy(gpg.home().resolve("pubring.kbx"), home.getParent().resolve("pubring.kbx"));
    for (String who : List.of(TestKeys.RSA, TestKeys.CV, TestKeys.ELGAMAL)) {
      for (String grip : gpg.keygrips(who)) {
        Path file = home.resolve(grip + ".key");
        if (who.equals(TestKeys.RSA)) {
          Files.copy(gpg.home().resolve("private-keys-v1.d/" + grip + ".key"), file);
        } else {
          Files.writeString(file, "Key: (private-key (rsa (n #zz"); // unreadable if opened
        }
      }
    }
    byte[] plaintext = "A=1\n".getBytes(StandardCharsets.UTF_8);
    KeyRing keys = KeyRing.builder().gnupgHome(home.getParent()).build();

    try (DecryptedFile file =
        new Decryptor(keys).decrypt(gpg.encrypt(plaintext, List.of(TestKeys.RSA)), "a.gpg")) {
      assertThat(file.plaintext()).isEqualTo(plaintext);
    }
    assertThat(keys.searched()).doesNotContain("skipped");

    // a message to an unreadable key opens that key's file only, and names it
    String elgamalGrip = gpg.encryptionSubkeyKeygrip(TestKeys.ELGAMAL);
    byte[] toElgamal = gpg.encrypt(plaintext, List.of(TestKeys.ELGAMAL));
    assertThatThrownBy(() -> new Decryptor(keys).decrypt(toElgamal, "b.gpg"))
        .isInstanceOf(DecryptionException.class)
        .hasMessageContaining(elgamalGrip + ".key")
        .hasMessageNotContaining(gpg.keygrips(TestKeys.CV).get(1));
  }

  @Test
  void aCurveNotCheckedAgainstGpgHasNoKeygrip() throws IOException {
    String who = "K1 <k1@example.org>";
    gpg.keyCommand("", "--quick-gen-key", who, "secp256k1", "sign,cert", "never");

    assertThat(computed(gpg.exportPublic(who, false))).containsExactly("none");
    assertThat(gpg.keygrips(who)).as("gpg has a keygrip for it").hasSize(1);
  }
}
