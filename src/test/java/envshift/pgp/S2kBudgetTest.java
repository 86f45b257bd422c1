package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import envshift.pgp.DecryptionException.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.junit.jupiter.api.Test;

/**
 * A hostile passphrase method (SKESK) is refused from its packet alone, before the passphrase is
 * asked for and before any key is derived: the refusal takes milliseconds where the derivation it
 * asks for would take minutes. What gpg writes stays within the bound.
 */
class S2kBudgetTest {
  private static final String LABEL = "configs/x.py.gpg";
  private static final int GPG_MAX_CODED_COUNT = 0xFF; // 65011712, gpg's --s2k-count maximum

  private final AtomicInteger asked = new AtomicInteger();

  @Test
  void anArgon2MemoryExponentOf24IsRefusedBeforeAnyKeyIsDerived() {
    byte[] message = message(List.of(skesk(argon2(1, 4, 24)))); // 16 GiB of memory

    long started = System.nanoTime();
    DecryptionException e = failure(message);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e.reason()).isEqualTo(Reason.COST_EXCEEDED);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": refusing to derive a key: Argon2 S2K with memory 2^24 KiB, 1 passes, 4 lanes;"
                + " memory at most 2^20 KiB (envshift's S2K bound, see docs/security.md)");
    assertThat(millis).as("refused from the packet, not by running Argon2").isLessThan(500);
    assertThat(asked).as("no passphrase asked for").hasValue(0);
  }

  @Test
  void aHundredSkesksAtTheMaximumIterationCountAreRefusedBeforeAnyKeyIsDerived() {
    // Each costs about 1 s to derive; before the bound all of them were tried (111 s).
    byte[] message = message(Collections.nCopies(100, skesk(iterated(GPG_MAX_CODED_COUNT))));

    long started = System.nanoTime();
    DecryptionException e = failure(message);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e.reason()).isEqualTo(Reason.COST_EXCEEDED);
    assertThat(e).hasMessageStartingWith(LABEL + ": refusing to derive a key: 100 passphrase");
    assertThat(millis).isLessThan(500);
    assertThat(asked).hasValue(0);
  }

  @Test
  void fiveSkesksAtTheMaximumIterationCountExceedTheTotalBeforeAnyIsTried() {
    byte[] message = message(Collections.nCopies(5, skesk(iterated(GPG_MAX_CODED_COUNT))));

    long started = System.nanoTime();
    DecryptionException e = failure(message);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e.reason()).isEqualTo(Reason.COST_EXCEEDED);
    assertThat(e)
        .hasMessage(
            LABEL
                + ": refusing to derive a key: its passphrase (SKESK) packets ask for more"
                + " key-derivation work than 4 of gpg's strongest (envshift's S2K bound, see"
                + " docs/security.md)");
    assertThat(millis).isLessThan(500);
    assertThat(asked).hasValue(0);
  }

  @Test
  void whatGpgAndTheRfc9106SecondChoiceWriteIsWithinTheBound() {
    // gpg's maximum count four times over, and Argon2 64 MiB × 3 passes × 4 lanes (RFC 9106
    // §4's second recommended option, OpenPGP.js's default) and 1 GiB × 1 pass.
    assertThatCode(
            () ->
                S2kBudget.check(
                    Collections.nCopies(4, skesk(iterated(GPG_MAX_CODED_COUNT))), LABEL))
        .doesNotThrowAnyException();
    assertThatCode(() -> S2kBudget.check(List.of(skesk(argon2(3, 4, 16))), LABEL))
        .doesNotThrowAnyException();
    assertThatCode(() -> S2kBudget.check(List.of(skesk(argon2(1, 4, 20))), LABEL))
        .doesNotThrowAnyException();
  }

  @Test
  void argon2BeyondTheBoundIsRefusedForMemoryPassesOrLanes() {
    assertThat(refusal(argon2(1, 4, 21))).contains("memory at most 2^20 KiB"); // RFC 9106 first
    assertThat(refusal(argon2(2, 4, 20))).contains("memory × passes at most 2^20 KiB");
    assertThat(refusal(argon2(1, 32, 16))).contains("at most 16 lanes");
  }

  @Test
  void anUnknownSymmetricAlgorithmInASkeskIsUnsupportedNotAWrongPassphrase() {
    SymmetricKeyEncSessionPacket packet =
        SymmetricKeyEncSessionPacket.createV4Packet(99, iterated(0x60), null);

    DecryptionException e = failure(message(List.of(packet)));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e).hasMessage(LABEL + ": unsupported symmetric algorithm 99 (SKESK)");
    assertThat(asked).hasValue(0);
  }

  @Test
  void anUnknownS2kHashIsUnsupportedNotAWrongPassphrase() {
    S2K s2k = S2K.saltedAndIteratedS2K(77, new byte[8], 0x60);

    DecryptionException e = failure(message(List.of(skesk(s2k))));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
    assertThat(e).hasMessage(LABEL + ": unsupported S2K hash algorithm 77");
  }

  private String refusal(S2K s2k) {
    DecryptionException e =
        catchThrowableOfType(
            DecryptionException.class, () -> S2kBudget.check(List.of(skesk(s2k)), LABEL));
    assertThat(e).isNotNull();
    assertThat(e.reason()).isEqualTo(Reason.COST_EXCEEDED);
    return e.getMessage();
  }

  private DecryptionException failure(byte[] message) {
    KeyRing keys =
        KeyRing.builder()
            .passphrases(
                forWhat -> {
                  asked.incrementAndGet();
                  return Optional.of("not-the-passphrase".toCharArray());
                })
            .build();
    DecryptionException e =
        catchThrowableOfType(
            DecryptionException.class, () -> new Decryptor(keys).decrypt(message, LABEL));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    assertThat(e.exitCode()).isEqualTo(1);
    return e;
  }

  private static S2K iterated(int codedCount) {
    return S2K.saltedAndIteratedS2K(HashAlgorithmTags.SHA256, new byte[8], codedCount);
  }

  private static S2K argon2(int passes, int lanes, int memoryExponent) {
    return S2K.argon2S2K(new S2K.Argon2Params(new byte[16], passes, lanes, memoryExponent));
  }

  private static SymmetricKeyEncSessionPacket skesk(S2K s2k) {
    return SymmetricKeyEncSessionPacket.createV4Packet(
        SymmetricKeyAlgorithmTags.AES_256, s2k, null);
  }

  /** The SKESKs, then a SEIPDv1 packet of random-looking bytes: never reached when refused. */
  private static byte[] message(List<SymmetricKeyEncSessionPacket> methods) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (SymmetricKeyEncSessionPacket method : new ArrayList<>(methods)) {
        out.write(method.getEncoded());
      }
      byte[] body = new byte[80];
      new java.util.Random(3).nextBytes(body);
      body[0] = 1; // SEIPD version 1
      out.write(0xC0 | 18);
      out.write(body.length);
      out.write(body);
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
