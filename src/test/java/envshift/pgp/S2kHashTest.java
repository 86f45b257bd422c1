package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.S2K;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The S2K GnuPG key files are unlocked with, checked against Bouncy Castle's own. */
class S2kHashTest {
  private static final byte[] SALT = {1, 2, 3, 4, 5, 6, 7, 8};

  @ParameterizedTest(name = "coded count {0}, {1}-byte key")
  @CsvSource({"96, 16", "97, 16", "96, 32", "150, 24", "0, 16"})
  void iteratedAndSaltedKeyEqualsBouncyCastlesForTheSameCodedCount(int coded, int keyLength)
      throws PGPException {
    char[] passphrase = "correct horse battery ü".toCharArray();
    int cipher =
        switch (keyLength) {
          case 16 -> SymmetricKeyAlgorithmTags.AES_128;
          case 24 -> SymmetricKeyAlgorithmTags.AES_192;
          default -> SymmetricKeyAlgorithmTags.AES_256;
        };
    byte[] expected =
        new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
            .build(passphrase)
            .makeKeyFromPassPhrase(cipher, new S2K(HashAlgorithmTags.SHA1, SALT, coded));

    byte[] actual =
        S2kHash.derive(
            S2kHash.digest("sha1").orElseThrow(),
            3,
            SALT,
            S2kHash.decodeCount(coded),
            passphrase,
            keyLength);

    assertThat(actual).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"96, 65536", "97, 69632", "255, 65011712", "0, 1024"})
  void codedCountsDecodeAsRfc4880Says(int coded, long count) {
    assertThat(S2kHash.decodeCount(coded)).isEqualTo(count);
  }
}
