package envshift.pgp;

import envshift.EnvshiftException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;

/**
 * The keys envshift may use: secret keys from exports or a GnuPG home, and public keys
 * (certificates) from those and from keyrings, for naming recipients and encrypting. Keys unlocked
 * with a passphrase stay unlocked for the life of this object, so decrypting many files asks for a
 * passphrase once.
 */
public final class KeyRing {
  private final List<PGPPublicKeyRing> certificates;
  private final List<StoredSecretKey> secretKeys;
  private final List<StoredSecretKey> legacy;
  private final KeyFileIndex keyFiles;
  private final Map<Long, List<StoredSecretKey>> fromHomes = new HashMap<>();
  private final PassphraseSource passphrases;
  private final List<String> searched;
  private final DecryptOptions options;
  private final Map<Long, PGPPrivateKey> unlocked = new HashMap<>();

  private KeyRing(
      List<PGPPublicKeyRing> certificates,
      List<StoredSecretKey> secretKeys,
      List<StoredSecretKey> legacy,
      KeyFileIndex keyFiles,
      PassphraseSource passphrases,
      List<String> searched,
      DecryptOptions options) {
    this.certificates = List.copyOf(certificates);
    this.secretKeys = List.copyOf(secretKeys);
    this.legacy = List.copyOf(legacy);
    this.keyFiles = keyFiles;
    this.passphrases = passphrases;
    this.searched = List.copyOf(searched);
    this.options = options;
  }

  /**
   * The decrypt options every {@link Decryptor} over these keys uses: they travel with the key
   * ring, since every command that decrypts builds one from the shared key options.
   */
  DecryptOptions decryptOptions() {
    return options;
  }

  /**
   * Where secret keys were looked for, for "no key matches" errors: each GnuPG home (with its
   * key file count and the files it could not read) and each secret key file.
   */
  synchronized String searched() {
    List<String> all = new ArrayList<>(searched);
    keyFiles.unreadable().forEach(why -> all.add("skipped " + why));
    return all.isEmpty() ? "no secret keys were given" : String.join("; ", all);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The loaded secret keys, one entry per primary key, in load order. */
  public List<KeyInfo> secretKeys() {
    Map<String, KeyInfo> byFingerprint = new LinkedHashMap<>();
    for (StoredSecretKey key : storedSecretKeys()) {
      PGPPublicKeyRing certificate = certificateOf(key.keyId()).orElseThrow();
      PGPPublicKey primary = certificate.getPublicKey();
      KeyInfo info =
          new KeyInfo(
              Keys.keyId(primary),
              Keys.fingerprint(primary),
              Keys.userIds(certificate),
              key.isProtected());
      // one entry per primary key; it counts as protected if any of its secret keys is
      byFingerprint.merge(
          info.fingerprint(), info, (old, now) -> now.passphraseProtected() ? now : old);
    }
    return List.copyOf(byFingerprint.values());
  }

  /**
   * The first user id of the key (primary or subkey) with this id, if any loaded keyring knows it.
   */
  public Optional<String> describe(KeyId keyId) {
    return certificateOf(keyId).flatMap(c -> Keys.userIds(c).stream().findFirst());
  }

  /**
   * The binary certificate (public key ring, as {@code gpg --export} writes it) of the primary key
   * with this fingerprint; empty when no loaded keyring has it.
   */
  public Optional<byte[]> exportCertificate(String fingerprint) {
    return certificates.stream()
        .filter(c -> Keys.fingerprint(c.getPublicKey()).equals(fingerprint))
        .findFirst()
        .map(
            c -> {
              try {
                return c.getEncoded();
              } catch (java.io.IOException e) {
                throw new KeyException("cannot encode key " + fingerprint, e);
              }
            });
  }

  /** Fingerprints of the primary keys of every loaded certificate, in load order. */
  public List<String> certificateFingerprints() {
    return certificates.stream().map(c -> Keys.fingerprint(c.getPublicKey())).toList();
  }

  List<PGPPublicKeyRing> certificates() {
    return certificates;
  }

  Optional<PGPPublicKeyRing> certificateOf(KeyId keyId) {
    return certificates.stream().filter(c -> c.getPublicKey(keyId.value()) != null).findFirst();
  }

  /**
   * Every decryption-capable secret key: the exported ones, then those of the GnuPG homes for
   * every loaded certificate (which opens each of their key files).
   */
  synchronized List<StoredSecretKey> storedSecretKeys() {
    return storedSecretKeys(true).orElseThrow();
  }

  /**
   * Like {@link #storedSecretKeys()}; without {@code open}, empty when a GnuPG key file would
   * have to be opened: the unreadable ones are named in later errors ({@link #searched}), so a
   * thread reading ahead must not open one before the thread that reports errors in order would.
   */
  synchronized Optional<List<StoredSecretKey>> storedSecretKeys(boolean open) {
    List<StoredSecretKey> all = new ArrayList<>(secretKeys);
    for (PGPPublicKeyRing certificate : certificates) {
      for (PGPPublicKey key : certificate) {
        Optional<List<StoredSecretKey>> found = fromHomes(key, open);
        if (found.isEmpty()) {
          return Optional.empty();
        }
        all.addAll(found.get());
      }
    }
    return Optional.of(all);
  }

  /**
   * The secret keys for the key a message names: only its own key file is opened in a GnuPG home.
   */
  synchronized List<StoredSecretKey> storedSecretKeys(KeyId keyId) {
    return storedSecretKeys(keyId, true).orElseThrow();
  }

  /** Likewise; without {@code open}, empty when its key file has not been opened yet. */
  synchronized Optional<List<StoredSecretKey>> storedSecretKeys(KeyId keyId, boolean open) {
    List<StoredSecretKey> found = new ArrayList<>();
    secretKeys.stream().filter(k -> k.keyId().equals(keyId)).forEach(found::add);
    for (PGPPublicKeyRing certificate : certificates) {
      PGPPublicKey key = certificate.getPublicKey(keyId.value());
      if (key != null) {
        Optional<List<StoredSecretKey>> fromHome = fromHomes(key, open);
        if (fromHome.isEmpty()) {
          return Optional.empty();
        }
        found.addAll(fromHome.get());
      }
    }
    return Optional.of(found);
  }

  /**
   * {@link #fromHomes(PGPPublicKey)}; without {@code open}, empty when that would open a key file
   * for the first time.
   */
  private Optional<List<StoredSecretKey>> fromHomes(PGPPublicKey key, boolean open) {
    if (open || !EncryptionKeys.mayDecrypt(key) || fromHomes.containsKey(key.getKeyID())
        || keyFiles.findsWithoutOpening(key)) {
      return Optional.of(fromHomes(key));
    }
    return Optional.empty();
  }

  /**
   * A home's key file for {@code key}, opened once. A home migrated to 2.1 keeps its old
   * secring.gpg; the agent's key files are the live copies (their passphrase may have changed
   * since), so secring.gpg only fills gaps.
   */
  private List<StoredSecretKey> fromHomes(PGPPublicKey key) {
    if (!EncryptionKeys.mayDecrypt(key)) {
      return List.of();
    }
    return fromHomes.computeIfAbsent(
        key.getKeyID(),
        id -> {
          Optional<GnupgSecretKey> file = keyFiles.find(key);
          if (file.isPresent()) {
            return List.of(file.get());
          }
          return legacy.stream().filter(k -> k.publicKey().getKeyID() == id).toList();
        });
  }

  /** {@code 1234ABCD5678EF90 (Ops <ops@example.org>)}, or the bare id when no user id is known. */
  String describeKey(KeyId keyId) {
    return describe(keyId).map(uid -> keyId + " (" + uid + ")").orElse(keyId.toString());
  }

  /** The private key if it can be had without asking: unlocked earlier, or not protected. */
  synchronized Optional<PGPPrivateKey> ready(StoredSecretKey key) {
    PGPPrivateKey cached = unlocked.get(key.publicKey().getKeyID());
    if (cached != null || key.isProtected() || key.unusable().isPresent()) {
      return Optional.ofNullable(cached);
    }
    try {
      return Optional.of(remember(key.unlock(new char[0])));
    } catch (PGPException | RuntimeException e) {
      return Optional.empty(); // corrupt key material: the key simply does not work
    }
  }

  /** Unlocks a key, asking the passphrase source when it is protected; clears the passphrase. */
  synchronized Unlock unlock(StoredSecretKey key) {
    Optional<PGPPrivateKey> ready = ready(key);
    String described = describeKey(key.keyId());
    if (ready.isPresent()) {
      return new Unlock.Unlocked(ready.get());
    } else if (key.unusable().isPresent()) {
      return new Unlock.Failed(
          DecryptionException.Reason.NO_MATCHING_KEY,
          "key " + described + " " + key.unusable().get());
    } else if (!key.isProtected()) {
      return new Unlock.Failed(
          DecryptionException.Reason.NO_MATCHING_KEY,
          "key " + described + " could not be read (" + whyUnreadable(key) + ")");
    }
    Optional<char[]> passphrase = passphrase("key " + described);
    if (passphrase.isEmpty()) {
      return new Unlock.Failed(DecryptionException.Reason.NO_PASSPHRASE, "key " + described);
    }
    char[] chars = passphrase.get();
    try {
      return new Unlock.Unlocked(remember(key.unlock(chars)));
    } catch (KeyException e) {
      // the key file itself is unreadable: no passphrase would help, so do not blame it
      return new Unlock.Failed(
          DecryptionException.Reason.NO_MATCHING_KEY,
          "key " + described + " could not be read (" + e.getMessage() + ")");
    } catch (PGPException | RuntimeException e) {
      return new Unlock.Failed(DecryptionException.Reason.BAD_PASSPHRASE, "key " + described);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** Why an unprotected key does not unlock: its file's own error, never a passphrase. */
  private static String whyUnreadable(StoredSecretKey key) {
    try {
      key.unlock(new char[0]);
      return "corrupt secret key material";
    } catch (KeyException e) {
      return e.getMessage();
    } catch (PGPException | RuntimeException e) {
      return "corrupt secret key material";
    }
  }

  /**
   * Asks the passphrase source; the caller clears the array. A failure of the source itself (an
   * unreadable passphrase file, say) becomes a {@link KeyException}, so it is never mistaken for a
   * decryption failure.
   */
  Optional<char[]> passphrase(String forWhat) {
    try {
      return Objects.requireNonNull(passphrases.passphrase(forWhat), "passphrase source gave null");
    } catch (EnvshiftException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new KeyException(
          "cannot get the passphrase for " + forWhat + " (" + e.getClass().getSimpleName() + ")",
          e);
    }
  }

  private PGPPrivateKey remember(PGPPrivateKey key) {
    unlocked.put(key.getKeyID(), key);
    return key;
  }

  /** Collects key sources; {@link #build()} reads them all and fails on the first unusable one. */
  public static final class Builder {
    private final List<Path> secretKeyFiles = new ArrayList<>();
    private final List<Path> gnupgHomes = new ArrayList<>();
    private final List<Path> publicKeyFiles = new ArrayList<>();
    private PassphraseSource passphrases = PassphraseSource.NONE;
    private DecryptOptions options = DecryptOptions.DEFAULT;

    private Builder() {}

    /** A {@code gpg --export-secret-keys} file, armored or binary, protected or not. */
    public Builder secretKeyFile(Path file) {
      secretKeyFiles.add(Objects.requireNonNull(file, "file == null"));
      return this;
    }

    /** A GnuPG home read in place: {@code pubring.kbx} or {@code pubring.gpg} and secret keys. */
    public Builder gnupgHome(Path home) {
      gnupgHomes.add(Objects.requireNonNull(home, "home == null"));
      return this;
    }

    /** Public keys: an export, a {@code pubring.gpg} or a {@code pubring.kbx}. */
    public Builder publicKeyFile(Path file) {
      publicKeyFiles.add(Objects.requireNonNull(file, "file == null"));
      return this;
    }

    public Builder passphrases(PassphraseSource source) {
      this.passphrases = Objects.requireNonNull(source, "source == null");
      return this;
    }

    public Builder decryptOptions(DecryptOptions options) {
      this.options = Objects.requireNonNull(options, "options == null");
      return this;
    }

    /** Reads every source; a {@link KeyException} names the file that could not be used. */
    public KeyRing build() {
      List<PGPPublicKeyRing> certificates = new ArrayList<>();
      List<StoredSecretKey> secrets = new ArrayList<>();
      List<String> searched = new ArrayList<>();
      for (Path file : secretKeyFiles) {
        searched.add("secret key file " + file);
        KeyFiles.Contents contents = KeyFiles.read(file);
        if (contents.secretRings().isEmpty()) {
          throw new KeyException(file + ": holds no secret keys (is it a public key export?)");
        }
        certificates.addAll(contents.certificates());
        contents.secretRings().forEach(ring -> addExported(ring, file, secrets));
      }
      publicKeyFiles.forEach(file -> certificates.addAll(KeyFiles.read(file).certificates()));
      List<Path> keyDirectories = new ArrayList<>();
      List<StoredSecretKey> legacy = new ArrayList<>();
      for (Path home : gnupgHomes) {
        GnupgHome.Contents contents = GnupgHome.read(home);
        certificates.addAll(contents.certificates());
        keyDirectories.add(contents.keyDirectory());
        contents.secring().ifPresent(
            secring -> contents.secretRings().forEach(r -> addExported(r, secring, legacy)));
        searched.add(contents.searched());
      }
      List<PGPPublicKeyRing> merged = Certificates.merge(certificates);
      return new KeyRing(
          merged,
          secrets,
          legacy,
          new KeyFileIndex(keyDirectories),
          passphrases,
          searched,
          options);
    }

    private static void addExported(PGPSecretKeyRing ring, Path file, List<StoredSecretKey> out) {
      for (Iterator<PGPSecretKey> it = ring.getSecretKeys(); it.hasNext(); ) {
        PGPSecretKey key = it.next();
        if (EncryptionKeys.mayDecrypt(key.getPublicKey())) {
          out.add(new ExportedSecretKey(key, file));
        }
      }
    }
  }
}
