package envshift.access;

import envshift.EnvshiftException;
import envshift.pgp.KeyRing;
import envshift.pgp.Recipient;
import envshift.repo.BlackboxLayout;
import envshift.repo.BlackboxUpdate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rekey} changes in a blackbox layout: the admins list (emails of added and removed
 * recipients) and the repo keyring. A {@code pubring.gpg} gets the added public keys appended; a
 * {@code pubring.kbx} is never written (its format is gpg's own), so adding a key it lacks is
 * refused before anything is changed.
 */
final class RekeyBlackbox {
  private RekeyBlackbox() {}

  static void checkKeybox(BlackboxLayout b, List<Recipient> added) {
    Optional<Path> kbx = b.pubring().filter(p -> p.getFileName().toString().endsWith(".kbx"));
    if (kbx.isEmpty() || added.isEmpty()) return;
    List<String> inRing =
        KeyRing.builder().publicKeyFile(kbx.get()).build().certificateFingerprints();
    for (Recipient r : added) {
      if (!inRing.contains(r.fingerprint())) {
        throw new EnvshiftException(
            kbx.get()
                + ": envshift does not write GnuPG keyboxes; add "
                + r.describe()
                + " first (gpg --homedir "
                + b.configDir()
                + " --import KEY), then rerun");
      }
    }
  }

  static void update(
      BlackboxLayout b,
      KeyRing ring,
      List<Recipient> added,
      List<String> removedUserIds,
      List<String> report) {
    if (BlackboxUpdate.updateAdmins(
        b,
        emails(added.stream().flatMap(r -> r.userIds().stream().limit(1)).toList()),
        emails(removedUserIds))) {
      report.add("updated " + b.configDir().getFileName() + "/blackbox-admins.txt");
    }
    boolean gpgRing = b.pubring().map(p -> p.toString().endsWith(".gpg")).orElse(true);
    if (!gpgRing) return;
    List<String> present =
        b.pubring().isPresent()
            ? KeyRing.builder().publicKeyFile(b.pubring().get()).build().certificateFingerprints()
            : List.of();
    List<byte[]> missing =
        added.stream()
            .filter(r -> !present.contains(r.fingerprint()))
            .map(r -> ring.exportCertificate(r.fingerprint()).orElseThrow())
            .toList();
    if (!missing.isEmpty()) {
      BlackboxUpdate.appendToPubring(b, missing);
      report.add(
          "added " + missing.size() + " key(s) to " + b.configDir().getFileName() + "/pubring.gpg");
    }
  }

  /** {@code Name <a@b>} becomes {@code a@b}; a bare email stays as it is. */
  private static List<String> emails(List<String> userIds) {
    return userIds.stream()
        .map(u -> u.contains("<") ? u.substring(u.lastIndexOf('<') + 1, u.lastIndexOf('>')) : u)
        .toList();
  }
}
