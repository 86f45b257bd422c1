package envshift.pgp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;

/** Turns what a user types (fingerprint, long key id or email) into keys to encrypt to. */
public final class Recipients {
  private Recipients() {}

  /**
   * Resolves each id against every certificate in {@code from}: a 40-digit fingerprint (primary or
   * subkey), a 16-digit key id (optional {@code 0x}), or an email address matched exactly,
   * case-insensitively, against the address in each user id. Each id must match exactly one key
   * with a usable encryption subkey; a {@link KeyException} names the id otherwise. The same key
   * named twice is returned once.
   */
  public static List<Recipient> resolve(List<String> ids, KeyRing from) {
    Map<String, Recipient> byFingerprint = new LinkedHashMap<>();
    for (String id : ids) {
      PGPPublicKeyRing certificate = single(id, from);
      PGPPublicKey key;
      try {
        key = EncryptionKeys.select(certificate, Instant.now());
      } catch (KeyException e) {
        throw new KeyException("recipient '" + id + "': " + e.getMessage(), e);
      }
      String fingerprint = Keys.fingerprint(certificate.getPublicKey());
      byFingerprint.putIfAbsent(
          fingerprint, new Recipient(Keys.keyId(key), fingerprint, Keys.userIds(certificate)));
    }
    return List.copyOf(byFingerprint.values());
  }

  /**
   * Every key id (primary and subkeys) of the certificates {@code id} names: a fingerprint or key
   * id of any of their keys, or an email address. A fingerprint or key id no loaded keyring knows
   * still names that one key. A {@link KeyException} when the id is malformed or matches nothing.
   */
  public static Set<KeyId> keyIdsOf(String id, KeyRing from) {
    Matcher matcher = Matcher.of(id);
    Set<KeyId> ids = new LinkedHashSet<>();
    for (PGPPublicKeyRing certificate : from.certificates()) {
      if (matcher.matches(certificate)) {
        certificate.forEach(key -> ids.add(Keys.keyId(key)));
      }
    }
    if (ids.isEmpty() && !(matcher instanceof ByEmail)) {
      ids.add(KeyId.parse(id)); // unknown key: its own id (a fingerprint gives its low 64 bits)
    }
    if (ids.isEmpty()) {
      throw new KeyException("key '" + id + "' matches no key in the loaded keyrings");
    }
    return ids;
  }

  private static PGPPublicKeyRing single(String id, KeyRing from) {
    Matcher matcher = Matcher.of(id);
    List<PGPPublicKeyRing> matches = new ArrayList<>();
    for (PGPPublicKeyRing certificate : from.certificates()) {
      if (matcher.matches(certificate)) {
        matches.add(certificate);
      }
    }
    if (matches.isEmpty()) {
      throw new KeyException("recipient '" + id + "' matches no key in the loaded keyrings");
    } else if (matches.size() > 1) {
      throw new KeyException(
          "recipient '"
              + id
              + "' matches "
              + matches.size()
              + " keys ("
              + matches.stream().map(EncryptionKeys::describe).collect(Collectors.joining(", "))
              + "); use a fingerprint");
    }
    return matches.get(0);
  }

  /** One way of naming a key. */
  private sealed interface Matcher {
    boolean matches(PGPPublicKeyRing certificate);

    static Matcher of(String id) {
      String hex = id.strip().replace(" ", "");
      if (hex.startsWith("0x") || hex.startsWith("0X")) {
        hex = hex.substring(2);
      }
      boolean isHex = !hex.isEmpty() && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0);
      if (isHex && hex.length() == 40) {
        return new ByFingerprint(hex.toUpperCase(Locale.ROOT));
      } else if (isHex && hex.length() == 16) {
        return new ByKeyId(KeyId.parse(hex));
      } else if (id.contains("@")) {
        return new ByEmail(address(id));
      }
      throw new KeyException(
          "recipient '" + id + "': give a fingerprint, a 16-digit key id or an email address");
    }
  }

  private record ByFingerprint(String fingerprint) implements Matcher {
    @Override
    public boolean matches(PGPPublicKeyRing certificate) {
      for (PGPPublicKey key : certificate) {
        if (Keys.fingerprint(key).equals(fingerprint)) {
          return true;
        }
      }
      return false;
    }
  }

  private record ByKeyId(KeyId keyId) implements Matcher {
    @Override
    public boolean matches(PGPPublicKeyRing certificate) {
      return certificate.getPublicKey(keyId.value()) != null;
    }
  }

  private record ByEmail(String address) implements Matcher {
    @Override
    public boolean matches(PGPPublicKeyRing certificate) {
      return Keys.userIds(certificate).stream()
          .anyMatch(uid -> Recipients.address(uid).equals(address));
    }
  }

  /** The address in {@code Name <a@b>}, or the whole text when there are no angle brackets. */
  private static String address(String userIdOrEmail) {
    int open = userIdOrEmail.lastIndexOf('<');
    int close = userIdOrEmail.lastIndexOf('>');
    String address =
        open >= 0 && close > open ? userIdOrEmail.substring(open + 1, close) : userIdOrEmail;
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
