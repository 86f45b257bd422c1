package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can read a file, learnt without any secret key. */
class MessageInspectorTest {
  private static final String KNOWN = TestKeys.CV;
  private static final String STRANGER = TestKeys.CV_OTHER;
  private static final byte[] PLAINTEXT = "X=1\n".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  static Gpg gpg;
  static KeyRing names;

  @BeforeAll
  static void makeKeys() throws Exception {
    gpg = TestKeys.home(dir.resolve("home"), KNOWN, STRANGER);
    names =
        KeyRing.builder()
            .publicKeyFile(Files.write(dir.resolve("known.asc"), gpg.exportPublic(KNOWN, true)))
            .build();
  }

  @AfterAll
  static void stopAgent() {
    gpg.close();
  }

  @Test
  void recipientsAreNamedWhenTheKeyringKnowsThem() {
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(KNOWN, STRANGER), "--armor");

    MessageInfo info = MessageInspector.inspect(message, "a.env.asc", names);

    assertThat(info.armored()).isTrue();
    assertThat(info.symmetric()).isFalse();
    assertThat(info.recipients())
        .containsExactlyInAnyOrder(
            new Recipient(
                KeyId.parse(gpg.encryptionSubkeyId(KNOWN)), gpg.fingerprint(KNOWN), List.of(KNOWN)),
            new Recipient(KeyId.parse(gpg.encryptionSubkeyId(STRANGER)), "", List.of()));
  }

  @Test
  void symmetricAndHiddenRecipientsAreReported() {
    MessageInfo symmetric =
        MessageInspector.inspect(gpg.encryptSymmetric(PLAINTEXT, "pw"), "b.gpg", names);
    MessageInfo hidden =
        MessageInspector.inspect(
            gpg.encrypt(PLAINTEXT, List.of(), "--hidden-recipient", KNOWN), "c.gpg", names);

    assertThat(symmetric.symmetric()).isTrue();
    assertThat(symmetric.recipients()).isEmpty();
    assertThat(symmetric.armored()).isFalse();
    assertThat(hidden.recipients()).containsExactly(new Recipient(KeyId.WILDCARD, "", List.of()));
  }

  @Test
  void notOpenPgpIsReportedLikeTheDecryptorDoes() {
    assertThatThrownBy(
            () ->
                MessageInspector.inspect("DEBUG=1\n".getBytes(StandardCharsets.UTF_8), "d", names))
        .isInstanceOfSatisfying(
            DecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(DecryptionException.Reason.NOT_OPENPGP))
        .hasMessage("d: not an OpenPGP encrypted message");
  }
}
