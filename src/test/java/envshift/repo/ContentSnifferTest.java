package envshift.repo;

import static org.assertj.core.api.Assertions.assertThat;

import envshift.repo.ContentSniffer.Content;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {
  /** First bytes of `gpg --encrypt -r <rsa2048 key>` (GnuPG 2.2.40): old-format PKESK v3. */
  static final String GPG_PKESK_RSA = "85010c03caaf8fc9b94b7ea80107ff4ec102fab3e1d78cef";

  static final int GPG_PKESK_RSA_SIZE = 357;

  /** First bytes of `gpg --symmetric` (GnuPG 2.2.40): old-format SKESK v4, AES256, iterated S2K. */
  static final String GPG_SKESK = "8c0d04090302e0360379bca833f4ffd24e01d2090a928182";

  static final int GPG_SKESK_SIZE = 95;

  /** First bytes of `gpg --store -z 6`: a compressed packet of indeterminate length, ZIP. */
  static final String GPG_COMPRESSED = "a3015b239fc45190939899a7";

  @Test
  void rsaPkeskFromGnupgIsABinaryMessage() {
    assertThat(sniff(GPG_PKESK_RSA, GPG_PKESK_RSA_SIZE)).isEqualTo(Content.BINARY_MESSAGE);
  }

  @Test
  void blackboxFileFromBgaPayrollIsABinaryMessage() {
    // legacy-repos §1.4: configs/local_settings.production.py.gpg starts 85 02 0c 03
    assertThat(sniff("85020c03" + "1122334455667788" + "01", 1200))
        .isEqualTo(Content.BINARY_MESSAGE);
  }

  @Test
  void symmetricSkeskFromGnupgIsABinaryMessage() {
    assertThat(sniff(GPG_SKESK, GPG_SKESK_SIZE)).isEqualTo(Content.BINARY_MESSAGE);
  }

  @Test
  void compressedFirstPacketIsABinaryMessage() {
    assertThat(sniff(GPG_COMPRESSED, 37)).isEqualTo(Content.BINARY_MESSAGE);
  }

  @Test
  void newFormatHeadersAreRecognised() {
    assertThat(sniff("c10c03" + "1122334455667788" + "12", 200)).isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("c3040409", 100)).as("SKESK v4").isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("d2e001", 100))
        .as("SEIPD v1, partial length")
        .isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("d4e101", 100))
        .as("AEAD v1, partial length")
        .isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("ca03504750", 60)).as("marker").isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("c1ff0000000a03", 40))
        .as("five-octet length")
        .isEqualTo(Content.BINARY_MESSAGE);
  }

  @Test
  void armoredMessageIsFoundEvenAfterBlankLinesAndABom() {
    String armor =
        "-----BEGIN PGP MESSAGE-----\n\nhQEMA8qvj8m5S36oAQgAnvH1Fy6NZ4j3L0GR7abj2LbWED5vxAOw\n";
    assertThat(sniffText(armor)).isEqualTo(Content.ARMORED_MESSAGE);
    assertThat(sniffText("\r\n\n  " + armor)).isEqualTo(Content.ARMORED_MESSAGE);
    assertThat(sniffText("\uFEFF" + armor)).isEqualTo(Content.ARMORED_MESSAGE);
  }

  @Test
  void otherArmorIsNotAMessage() {
    assertThat(sniffText("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nhi\n"))
        .isEqualTo(Content.OTHER);
    assertThat(sniffText("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBF\n"))
        .isEqualTo(Content.OTHER);
  }

  @Test
  void gitCryptHeaderIsRecognised() {
    byte[] head = new byte[22 + 40];
    System.arraycopy("\0GITCRYPT\0".getBytes(StandardCharsets.ISO_8859_1), 0, head, 0, 10);
    Arrays.fill(head, 10, head.length, (byte) 0x85); // nonce and ciphertext
    assertThat(ContentSniffer.sniff(head, head.length)).isEqualTo(Content.GIT_CRYPT);
  }

  @Test
  void sopsValuesAreRecognised() {
    String sops = "DJANGO_SECRET_KEY: ENC[AES256_GCM,data:q83f,iv:ab,tag:cd,type:str]\nsops:\n";
    assertThat(sniffText(sops)).isEqualTo(Content.SOPS);
  }

  @Test
  void javaClassFileIsNotAMarkerPacket() {
    // 0xCA reads as a new-format marker header, but 0xFE is a partial length
    assertThat(sniff("cafebabe00000037", 900)).isEqualTo(Content.OTHER);
  }

  @Test
  void commonBinaryAndTextFilesAreNotOpenPgp() {
    assertThat(sniff("89504e470d0a1a0a0000000d49484452", 5000)).as("png").isEqualTo(Content.OTHER);
    assertThat(sniff("ffd8ffe000104a464946", 5000)).as("jpeg").isEqualTo(Content.OTHER);
    assertThat(sniff("1f8b0800", 5000)).as("gzip").isEqualTo(Content.OTHER);
    assertThat(sniffText("SECRET_KEY = 'x'\n")).isEqualTo(Content.OTHER);
    assertThat(sniff("", 0)).as("empty").isEqualTo(Content.OTHER);
  }

  @Test
  void aPkeskLongerThanTheFileIsNotAMessage() {
    assertThat(sniff(GPG_PKESK_RSA, 200)).isEqualTo(Content.OTHER);
  }

  @Test
  void aPkeskWithNothingAfterItIsNotAMessage() {
    assertThat(sniff(GPG_PKESK_RSA, 3 + 0x010c)).isEqualTo(Content.OTHER);
  }

  @Test
  void aPkeskWithAnUnknownVersionIsNotAMessage() {
    assertThat(sniff("85010c09", GPG_PKESK_RSA_SIZE)).isEqualTo(Content.OTHER);
  }

  @Test
  void aDefiniteLengthSedMustBeTheWholeFile() {
    assertThat(sniff("a410", 18)).isEqualTo(Content.BINARY_MESSAGE);
    assertThat(sniff("a410", 4000)).isEqualTo(Content.OTHER);
  }

  @Test
  void keysAndSignaturesAreOpenPgpButNotMessages() {
    assertThat(sniff("99010d04", 1500)).as("public key").isEqualTo(Content.OTHER_OPENPGP);
    assertThat(sniff("8901b304", 700)).as("signature").isEqualTo(Content.OTHER_OPENPGP);
  }

  private static Content sniff(String hex, long size) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    return ContentSniffer.sniff(bytes, size);
  }

  private static Content sniffText(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ContentSniffer.sniff(bytes, bytes.length);
  }
}
