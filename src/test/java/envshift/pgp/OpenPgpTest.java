package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.pgp.OpenPgp.Content;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OpenPgpTest {
  private static boolean sniff(int... bytes) {
    byte[] head = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      head[i] = (byte) bytes[i];
    }
    return OpenPgp.looksLikeOpenPgp(head);
  }

  private static boolean sniff(String text) {
    return OpenPgp.looksLikeOpenPgp(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void recognisesOldFormatHeadersOfEveryTagThatCanStartAnEncryptedMessage() {
    assertThat(sniff(0x84, 0x0c)).as("PKESK, 1-octet length").isTrue();
    assertThat(sniff(0x85, 0x01, 0x0c)).as("PKESK, 2-octet length").isTrue();
    assertThat(sniff(0x8c, 0x0d)).as("SKESK").isTrue();
    assertThat(sniff(0xa8, 0x03)).as("marker").isTrue();
    assertThat(sniff(0xa3, 0x01)).as("compressed, indeterminate length").isTrue();
    assertThat(sniff(0xa4, 0x20)).as("SED").isTrue();
  }

  @Test
  void recognisesNewFormatHeaders() {
    assertThat(sniff(0xc1, 0x5e)).as("PKESK").isTrue();
    assertThat(sniff(0xc3, 0x0d)).as("SKESK").isTrue();
    assertThat(sniff(0xc9, 0x2a)).as("SED").isTrue();
    assertThat(sniff(0xd2, 0xe9)).as("SEIPD, partial length").isTrue();
    assertThat(sniff(0xd4, 0x40)).as("OCB AEAD").isTrue();
  }

  @Test
  void recognisesArmorEvenAfterBlankLinesOrABom() {
    assertThat(sniff("-----BEGIN PGP MESSAGE-----\n\nhQEMA...")).isTrue();
    assertThat(sniff("\n  \r\n-----BEGIN PGP MESSAGE-----\n")).isTrue();
    assertThat(sniff("\uFEFF-----BEGIN PGP MESSAGE-----\n")).isTrue();
  }

  @Test
  void rejectsOtherOpenPgpPacketsAndPlainFiles() {
    assertThat(sniff(0xcb, 0x10)).as("literal data").isFalse();
    assertThat(sniff(0x99, 0x01, 0x0d)).as("public key").isFalse();
    assertThat(sniff(0x89, 0x01)).as("signature").isFalse();
    assertThat(sniff("-----BEGIN PGP PUBLIC KEY BLOCK-----\n")).isFalse();
    assertThat(sniff("SECRET_KEY = 'x'\n")).isFalse();
    assertThat(sniff("{\"a\": 1}")).isFalse();
    assertThat(OpenPgp.looksLikeOpenPgp(new byte[0])).isFalse();
  }

  @Test
  void sniffChecksTheFirstPacketHardWhereTheQuickCheckLooksAtTheTagOnly() {
    byte[] classFile = HexFormat.of().parseHex("cafebabe00000037");
    assertThat(OpenPgp.looksLikeOpenPgp(classFile)).as("claims a marker packet").isTrue();
    assertThat(OpenPgp.sniff(classFile, 900)).isEqualTo(Content.NOT_OPENPGP);
  }

  @Test
  void sniffSaysWhichKindOfMessage() {
    byte[] pkesk = HexFormat.of().parseHex("85010c03caaf8fc9b94b7ea80107ff4ec102fab3e1d78cef");
    assertThat(OpenPgp.sniff(pkesk, 357)).isEqualTo(Content.BINARY_MESSAGE);
    assertThat(OpenPgp.sniff(pkesk, 200)).as("longer than the file").isEqualTo(Content.NOT_OPENPGP);
    byte[] armor = "\uFEFF\n-----BEGIN PGP MESSAGE-----\n".getBytes(StandardCharsets.UTF_8);
    assertThat(OpenPgp.sniff(armor, armor.length)).isEqualTo(Content.ARMORED_MESSAGE);
    byte[] key = HexFormat.of().parseHex("99010d04");
    assertThat(OpenPgp.sniff(key, 1500)).isEqualTo(Content.OTHER_OPENPGP);
  }
}
