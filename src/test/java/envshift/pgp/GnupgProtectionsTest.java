package envshift.pgp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import envshift.pgp.DecryptionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protection GnuPG 2.1 to 2.4 leaves in {@code private-keys-v1.d}, made by the real gpg at
 * run time, for every key family: {@code openpgp-s2k3-sha1-aes-cbc} in the old S-expression format
 * (gpg-agent 2.2 with {@code disable-extended-key-format}, what 2.1 and early 2.2 wrote), plain
 * unprotected keys in that format, {@code openpgp-native} (a fresh {@code gpg --import}, protected
 * and not), and {@code openpgp-s2k3-ocb-aes} in the extended format (what the agent writes once it
 * has used an imported key).
 */
class GnupgProtectionsTest {
  private static final String PASSPHRASE = TestKeys.PASSPHRASE;
  private static final byte[] PLAINTEXT =
      "SECRET_KEY = 'canary-protections-8080'\n".getBytes(StandardCharsets.UTF_8);

  /** A key family: gpg's algorithm names for the primary and the encryption subkey. */
  private record Family(String name, String primary, String subkey) {
    String userId(boolean locked) {
      return name + (locked ? " Locked" : " Plain") + " <" + name.toLowerCase() + "@example.org>";
    }
  }

  private static final List<Family> FAMILIES =
      List.of(
          new Family("Rsa", "rsa1024", "rsa1024"),
          new Family("Elg", "dsa1024", "elg1024"),
          new Family("Cv", "ed25519", "cv25519"),
          new Family("Nist", "nistp256", "nistp256"),
          new Family("Brainpool", "brainpoolP256r1", "brainpoolP256r1"));

  @TempDir static Path dir;
  static Gpg cbc;
  static Gpg imported;
  static Gpg ocb;

  @BeforeAll
  static void makeHomes() throws IOException {
    cbc = Gpg.create(dir.resolve("cbc"));
    Files.writeString(
        cbc.home().resolve("gpg-agent.conf"),
        "disable-extended-key-format\n",
        java.nio.file.StandardOpenOption.APPEND);
    ByteArrayOutput exports = new ByteArrayOutput();
    for (Family family : FAMILIES) {
      for (boolean locked : List.of(true, false)) {
        String passphrase = locked ? PASSPHRASE : "";
        String userId = family.userId(locked);
        cbc.keyCommand(
            passphrase, "--quick-gen-key", userId, family.primary(), "sign,cert", "never");
        cbc.keyCommand(
            passphrase,
            "--quick-add-key",
            cbc.fingerprint(userId),
            family.subkey(),
            "encr",
            "never");
        exports.add(cbc.exportSecret(userId, false, passphrase));
      }
    }
    imported = Gpg.create(dir.resolve("imported"));
    imported.importKeys(exports.bytes());
    ocb = Gpg.create(dir.resolve("ocb"));
    ocb.importKeys(exports.bytes());
    for (Family family : FAMILIES) { // the agent converts a key when it first uses it
      byte[] message = ocb.encrypt(PLAINTEXT, List.of(family.userId(true)));
      assertThat(ocb.decrypt(message, PASSPHRASE).exitCode()).isZero();
    }
    cbc.close();
    imported.close();
    ocb.close();
  }

  @AfterAll
  static void stopAgents() {
    Stream.of(cbc, imported, ocb).forEach(Gpg::close);
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Family family : FAMILIES) {
      cases.add(Arguments.of("cbc", family.name(), true, "openpgp-s2k3-sha1-aes-cbc"));
      cases.add(Arguments.of("cbc", family.name(), false, "(11:private-key"));
      cases.add(Arguments.of("imported", family.name(), true, "openpgp-native"));
      cases.add(Arguments.of("imported", family.name(), false, "openpgp-native"));
      cases.add(Arguments.of("ocb", family.name(), true, "openpgp-s2k3-ocb-aes"));
    }
    return cases.stream();
  }

  private static Gpg home(String name) {
    return switch (name) {
      case "cbc" -> cbc;
      case "imported" -> imported;
      default -> ocb;
    };
  }

  private static Family family(String name) {
    return FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0} home, {1} key, passphrase {2}")
  @MethodSource("cases")
  void everyProtectionGpgWritesDecryptsAndAsksAPassphraseOnlyWhenProtected(
      String homeName, String familyName, boolean locked, String protection) throws IOException {
    Gpg gpg = home(homeName);
    String userId = family(familyName).userId(locked);
    Path keyFile =
        gpg.home().resolve("private-keys-v1.d/" + gpg.encryptionSubkeyKeygrip(userId) + ".key");
    assertThat(Files.readString(keyFile, StandardCharsets.ISO_8859_1))
        .as("gpg wrote the protection under test")
        .contains(protection);
    List<String> asked = new ArrayList<>();
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(gpg.home())
            .passphrases(
                forWhat -> {
                  asked.add(forWhat);
                  return Optional.of(PASSPHRASE.toCharArray());
                })
            .build();

    DecryptedFile file =
        new Decryptor(keys).decrypt(gpg.encrypt(PLAINTEXT, List.of(userId)), "settings.py.gpg");

    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);
    assertThat(asked).hasSize(locked ? 1 : 0);
    assertThat(keys.secretKeys())
        .filteredOn(k -> k.userIds().contains(userId))
        .singleElement()
        .satisfies(k -> assertThat(k.passphraseProtected()).isEqualTo(locked));
  }

  @ParameterizedTest(name = "{0} home, {1} key")
  @MethodSource("cases")
  void aWrongPassphraseIsReportedAsOneForEveryProtection(
      String homeName, String familyName, boolean locked, String protection) {
    if (!locked) {
      return; // covered above: no passphrase is ever asked for these
    }
    Gpg gpg = home(homeName);
    String userId = family(familyName).userId(true);
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(gpg.home())
            .passphrases(forWhat -> Optional.of("not it".toCharArray()))
            .build();
    byte[] message = gpg.encrypt(PLAINTEXT, List.of(userId));

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, "settings.py.gpg"))
        .isInstanceOfSatisfying(
            DecryptionException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PASSPHRASE))
        .hasMessageStartingWith("settings.py.gpg: wrong passphrase for key ");
  }

  @Test
  void aCorruptUnrelatedKeyFileIsNeverOpened() throws IOException {
    Path home = dir.resolve("corrupt");
    copyKeys(imported.home(), home);
    Files.writeString(
        home.resolve("private-keys-v1.d/0000000000000000000000000000000000000000.key"),
        "Key: (protected-private-key (rsa (n #00");
    String userId = family("Cv").userId(false);
    KeyRing keys = KeyRing.builder().gnupgHome(home).build();

    DecryptedFile file =
        new Decryptor(keys).decrypt(imported.encrypt(PLAINTEXT, List.of(userId)), "a.gpg");
    assertThat(file.plaintext()).isEqualTo(PLAINTEXT);

    byte[] other = symmetricallyUnreadable();
    assertThatThrownBy(() -> new Decryptor(keys).decrypt(other, "b.gpg"))
        .isInstanceOfSatisfying(
            DecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_KEY))
        .hasMessageContaining("b.gpg: encrypted to key ids ")
        .hasMessageContaining("searched: GnuPG home " + home)
        .hasMessageNotContaining("0000000000000000000000000000000000000000.key")
        .hasMessageNotContaining("\n");
  }

  @Test
  void anUnprotectedImportedKeyWithCorruptValuesIsNeverCalledPassphraseProtected()
      throws IOException {
    Path home = dir.resolve("broken-plain");
    copyKeys(imported.home(), home);
    String userId = family("Rsa").userId(false);
    Path keyFile =
        home.resolve("private-keys-v1.d/" + imported.encryptionSubkeyKeygrip(userId) + ".key");
    String text =
        new String(
            ExtendedKeyFormat.keyExpression(Files.readAllBytes(keyFile)),
            StandardCharsets.ISO_8859_1);
    String corrupt = text.replaceFirst("\\(csum \"?\\d+\"?\\)", "(csum \"1\")");
    assertThat(corrupt).isNotEqualTo(text);
    Files.writeString(keyFile, corrupt, StandardCharsets.ISO_8859_1); // the old format
    KeyRing keys =
        KeyRing.builder()
            .gnupgHome(home)
            .passphrases(forWhat -> Optional.of(PASSPHRASE.toCharArray()))
            .build();
    byte[] message = imported.encrypt(PLAINTEXT, List.of(userId));

    assertThatThrownBy(() -> new Decryptor(keys).decrypt(message, "c.gpg"))
        .isInstanceOfSatisfying(
            DecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_MATCHING_KEY))
        .hasMessageContaining("could not be read")
        .hasMessageContaining(keyFile.getFileName().toString())
        .hasMessageContaining("checksum mismatch")
        .hasMessageNotContaining("passphrase");
  }

  /** The public keyring and key files of a home, without its agent's sockets. */
  private static void copyKeys(Path from, Path to) throws IOException {
    Files.createDirectories(to.resolve("private-keys-v1.d"));
    Files.copy(from.resolve("pubring.kbx"), to.resolve("pubring.kbx"));
    try (Stream<Path> keys = Files.list(from.resolve("private-keys-v1.d"))) {
      for (Path key : keys.toList()) {
        Files.copy(key, to.resolve("private-keys-v1.d").resolve(key.getFileName()));
      }
    }
  }

  /** A message to a key none of these homes holds. */
  private static byte[] symmetricallyUnreadable() {
    try (Gpg other = TestKeys.home(dir.resolve("other"), TestKeys.CV_OTHER)) {
      return other.encrypt(PLAINTEXT, List.of(TestKeys.CV_OTHER));
    }
  }

  /** Concatenated binary exports. */
  private static final class ByteArrayOutput {
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    void add(byte[] bytes) {
      out.writeBytes(bytes);
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}
