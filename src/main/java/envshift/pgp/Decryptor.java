package envshift.pgp;

import envshift.EnvshiftException;
import envshift.pgp.DecryptionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.bcpg.UnsupportedPacketVersionException;
import org.bouncycastle.openpgp.PGPDataValidationException;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSessionKey;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcSessionKeyDataDecryptorFactory;
import org.bouncycastle.util.io.StreamOverflowException;

/**
 * Decrypts OpenPGP messages in memory with the keys of a {@link KeyRing}. The plaintext is released
 * only after the whole message has been read and its MDC or AEAD tags checked; anything else is a
 * {@link DecryptionException} whose one-line message names the file.
 */
public final class Decryptor {
  private final KeyRing keys;
  private final DecryptOptions options;

  /** Decrypts with the keys and the decrypt options of {@code keys}. */
  public Decryptor(KeyRing keys) {
    this(keys, keys.decryptOptions());
  }

  public Decryptor(KeyRing keys, DecryptOptions options) {
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.options = Objects.requireNonNull(options, "options == null");
  }

  /** Decrypts {@code message}; {@code label} (the repo-relative path) names it in every error. */
  public DecryptedFile decrypt(byte[] message, String label) {
    // asking, nothing is ever left for someone else: it decrypts or throws
    return decrypt(message, label, true).orElseThrow();
  }

  /**
   * Decrypts {@code message} only if that needs nothing but keys ready without asking (unprotected,
   * or unlocked earlier) whose key files were already opened: for a worker thread reading ahead of
   * the one that may prompt. Empty when {@link #decrypt} could have to ask or speak: a symmetric
   * (SKESK) message, a locked key among the candidates when no ready key opened it, a GnuPG key file
   * not opened yet (the key files found unreadable are named in later errors, so only the asking
   * thread opens them, in order), or a message without MDC when {@link DecryptOptions#allowNoMdc}
   * lets it through (that warns). The caller then decrypts it with {@link #decrypt}. Never calls
   * the passphrase source and never warns; failures are thrown as {@link #decrypt} throws them,
   * though a "no key matches" may name fewer skipped key files than a later {@link #decrypt} would.
   */
  public Optional<DecryptedFile> decryptWithoutAsking(byte[] message, String label) {
    return decrypt(message, label, false);
  }

  private Optional<DecryptedFile> decrypt(byte[] message, String label, boolean ask) {
    EncryptedMessage parsed = EncryptedMessage.parse(message, label);
    boolean protectedData = parsed.integrityProtected();
    if (!protectedData && !options.allowNoMdc()) {
      throw new DecryptionException(
          Reason.NOT_INTEGRITY_PROTECTED,
          label
              + ": not integrity protected (no MDC); refusing to decrypt (give "
              + DecryptOptions.ALLOW_NO_MDC
              + " to decrypt it anyway)");
    }
    if (!protectedData && !ask) {
      return Optional.empty(); // its warning is said by whoever decrypts it asking, in order
    }
    try {
      Optional<Opened> found = open(parsed, label, ask);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Opened opened = found.get();
      PlaintextReader.Plaintext plaintext = readPlaintext(opened, protectedData, label);
      if (protectedData && !opened.data().isAEAD() && !opened.data().verify()) {
        throw integrityFailed(label, null);
      }
      if (!protectedData) {
        // Nothing can tell a modified message from the original: said every time, never silent.
        options
            .warnings()
            .accept(
                label
                    + ": not integrity protected (no MDC); decrypted because of "
                    + DecryptOptions.ALLOW_NO_MDC
                    + ", so a modification would go unnoticed: re-encrypt it");
      }
      return Optional.of(new DecryptedFile(
          plaintext.data(),
          parsed.recipients(),
          opened.keyId(),
          opened.keyId().isEmpty(),
          parsed.methodName(opened.cipher()),
          plaintext.signers(),
          plaintext.fileName()));
    } catch (EnvshiftException e) {
      throw e;
    } catch (UnsupportedPacketVersionException e) {
      // an outer packet (a session-key packet or the encrypted-data packet) of a newer version
      throw EncryptedMessage.unsupported(label, e);
    } catch (IOException | PGPException | RuntimeException e) {
      throw dataFailure(label, e);
    }
  }

  /**
   * Reads the decrypted packets. When they cannot be read, the whole ciphertext is still checked:
   * an authentic message that uses what envshift does not support (a compression algorithm, a
   * packet version) is reported as unsupported, and only a failed check as modified or corrupt.
   */
  private static PlaintextReader.Plaintext readPlaintext(
      Opened opened, boolean protectedData, String label) throws IOException, PGPException {
    try {
      return PlaintextReader.read(opened.stream());
    } catch (IOException | PGPException | RuntimeException e) {
      if (tooLarge(e) || !protectedData || !authentic(opened)) {
        throw e;
      }
      Optional<String> unsupported = PlaintextReader.unsupported(e);
      throw new DecryptionException(
          unsupported.isPresent() ? Reason.UNSUPPORTED : Reason.MALFORMED,
          label
              + unsupported.map(what -> ": unsupported " + what).orElse(
                  ": the decrypted packets are not a message envshift can read")
              + " (the integrity check passed: not modified)",
          e);
    }
  }

  /**
   * Reads the rest of the ciphertext and checks it: the MDC for SEIPDv1, which {@code verify()}
   * reads to the end for; for AEAD the tags are checked while reading. Decrypting without
   * decompressing yields no more bytes than the message holds, so this is bounded by its size.
   */
  private static boolean authentic(Opened opened) {
    try {
      if (opened.data().isAEAD()) {
        opened.stream().transferTo(OutputStream.nullOutputStream());
        return true;
      }
      return opened.data().verify();
    } catch (IOException | PGPException | RuntimeException e) {
      return false;
    }
  }

  private static DecryptionException dataFailure(String label, Exception e) {
    if (tooLarge(e)) {
      return new DecryptionException(
          Reason.MALFORMED,
          label + ": decrypted data exceeds " + (PlaintextReader.LIMIT >> 20) + " MiB; refusing it",
          e);
    }
    // The outer packets were complete, so a failure inside the encrypted body (a bad MDC or
    // AEAD tag, a zlib checksum, garbage packets) means the data was modified or is corrupt.
    return integrityFailed(label, e);
  }

  /** A session-key method that worked: the decrypting stream, and what opened it. */
  private record Opened(
      PGPEncryptedData data, InputStream stream, Optional<KeyId> keyId, int cipher) {}

  /**
   * The one place that decides what is tried, in this fixed order:
   *
   * <ol>
   *   <li>secret keys named by a PKESK that need no passphrase (unprotected, or unlocked earlier);
   *   <li>the same keys for hidden-recipient PKESKs (key id 0): each one is tried;
   *   <li>SKESKs ({@code gpg -c}), with one passphrase asked for "symmetric message LABEL";
   *   <li>locked keys, named ones first, then for hidden recipients: their passphrases are asked
   *       for.
   * </ol>
   *
   * Locked keys go last so that nobody is asked for a passphrase when something else works. The
   * recipients were listed before this runs, so a failure can name them. Without {@code ask}, only
   * 1 and 2 are tried, over key files already opened: empty when 3 or 4 could have been needed.
   */
  private Optional<Opened> open(EncryptedMessage message, String label, boolean ask)
      throws PGPException {
    Attempts attempts = new Attempts(message, keys, label);
    Optional<List<Candidate>> candidates = candidates(message, ask);
    if (candidates.isEmpty()) {
      return Optional.empty(); // a key file is still to be opened: the asking thread opens it
    }
    List<Candidate> locked = new ArrayList<>();
    for (Candidate candidate : candidates.get()) { // 1 and 2: named recipients, then hidden ones
      Optional<PGPPrivateKey> key = keys.ready(candidate.key());
      Optional<Opened> opened =
          key.isPresent()
              ? tryKey(message, candidate.index(), key.get(), attempts)
              : Optional.empty();
      if (opened.isPresent()) {
        return opened;
      } else if (key.isEmpty()) {
        locked.add(candidate);
      }
    }
    if (!ask) {
      if (message.symmetric() || !locked.isEmpty()) {
        return Optional.empty(); // 3 or 4 would ask for a passphrase
      }
      throw attempts.failure();
    }
    Optional<Opened> symmetric = trySymmetric(message, label, attempts); // 3
    if (symmetric.isPresent()) {
      return symmetric;
    }
    Set<StoredSecretKey> failed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Candidate candidate : locked) { // 4: asks for passphrases, once per key
      Unlock unlock = failed.contains(candidate.key()) ? null : keys.unlock(candidate.key());
      if (unlock instanceof Unlock.Unlocked unlocked) {
        Optional<Opened> opened = tryKey(message, candidate.index(), unlocked.key(), attempts);
        if (opened.isPresent()) {
          return opened;
        }
      } else if (unlock instanceof Unlock.Failed failure) {
        failed.add(candidate.key());
        attempts.failed(failure);
      }
    }
    throw attempts.failure();
  }

  /** A stored key worth trying on the PKESK at {@code index}. */
  private record Candidate(int index, StoredSecretKey key) {}

  /**
   * The keys to try, named recipients first. Without {@code open}, empty when a GnuPG key file
   * would have to be opened to know them.
   */
  private Optional<List<Candidate>> candidates(EncryptedMessage message, boolean open) {
    List<Candidate> named = new ArrayList<>();
    List<Candidate> hidden = new ArrayList<>();
    for (int i = 0; i < message.methodCount(); i++) {
      Optional<KeyId> recipient = message.recipientAt(i);
      int index = i;
      if (recipient.isEmpty()) {
        continue;
      }
      Optional<List<StoredSecretKey>> stored = recipient.get().isWildcard()
          ? keys.storedSecretKeys(open)
          : keys.storedSecretKeys(recipient.get(), open);
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      List<Candidate> into = recipient.get().isWildcard() ? hidden : named;
      stored.get().forEach(key -> into.add(new Candidate(index, key)));
    }
    named.addAll(hidden);
    return Optional.of(named);
  }

  /**
   * Recovering the session key proves the key fits (RSA and ECDH session keys are checksummed or
   * key-wrapped); only then is the data opened, and a failure there is corrupt data, not a wrong
   * key. A PKESK that names this key but does not decrypt is a corrupt session key: noted, so the
   * failure says so instead of "no key matches".
   */
  private static Optional<Opened> tryKey(
      EncryptedMessage message, int index, PGPPrivateKey key, Attempts attempts)
      throws PGPException {
    PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) fresh(message, index);
    PGPSessionKey sessionKey;
    try {
      sessionKey = data.getSessionKey(new BcPublicKeyDataDecryptorFactory(key));
    } catch (UnsupportedPacketVersionException e) {
      throw e;
    } catch (PGPException | RuntimeException e) {
      if (data.getKeyID() != 0L) {
        attempts.corruptSessionKey(new KeyId(key.getKeyID()));
      }
      return Optional.empty();
    }
    InputStream stream;
    try {
      stream = data.getDataStream(new BcSessionKeyDataDecryptorFactory(sessionKey));
    } catch (PGPDataValidationException e) {
      // Trying every key on a hidden recipient, a wrong RSA key passes the 16-bit session-key
      // checksum once in 65536 tries; the quick check then fails. For a named key it is corruption.
      if (data.getKeyID() == 0L) {
        return Optional.empty();
      }
      throw e;
    }
    KeyId keyId = new KeyId(key.getKeyID());
    return Optional.of(new Opened(data, stream, Optional.of(keyId), sessionKey.getAlgorithm()));
  }

  private Optional<Opened> trySymmetric(EncryptedMessage message, String label, Attempts attempts)
      throws PGPException {
    if (!message.symmetric()) {
      return Optional.empty();
    }
    // Before the passphrase is asked for or any key derived: a hostile S2K costs minutes.
    S2kBudget.check(message.passphraseMethods(), label);
    Optional<char[]> passphrase = keys.passphrase("symmetric message " + label);
    if (passphrase.isEmpty()) {
      attempts.failed(new Unlock.Failed(Reason.NO_PASSPHRASE, Attempts.SYMMETRIC));
      return Optional.empty();
    }
    char[] chars = passphrase.get();
    try {
      for (int i = 0; i < message.methodCount(); i++) {
        if (message.isPassphraseMethod(i)) {
          Optional<Opened> opened = tryPassphrase(message, i, chars);
          if (opened.isPresent()) {
            return opened;
          }
        }
      }
    } finally {
      Arrays.fill(chars, '\0');
    }
    attempts.failed(new Unlock.Failed(Reason.BAD_PASSPHRASE, Attempts.SYMMETRIC));
    return Optional.empty();
  }

  /**
   * A v4 SKESK cannot tell a wrong passphrase from a right one; the quick-check bytes at the start
   * of the SEIPD data can, so a failed quick check means a wrong passphrase. Other failures opening
   * the data are corrupt data and propagate.
   */
  private static Optional<Opened> tryPassphrase(EncryptedMessage message, int index, char[] chars)
      throws PGPException {
    PGPPBEEncryptedData data = (PGPPBEEncryptedData) fresh(message, index);
    PGPSessionKey sessionKey;
    try {
      sessionKey =
          data.getSessionKey(
              new BcPBEDataDecryptorFactory(chars, new BcPGPDigestCalculatorProvider()));
    } catch (PGPException | RuntimeException e) {
      return Optional
          .empty(); // a v5 SKESK (AEAD-wrapped session key) rejects a wrong passphrase here
    }
    try {
      InputStream stream = data.getDataStream(new BcSessionKeyDataDecryptorFactory(sessionKey));
      return Optional.of(new Opened(data, stream, Optional.empty(), sessionKey.getAlgorithm()));
    } catch (PGPDataValidationException e) {
      return Optional.empty();
    }
  }

  private static PGPEncryptedData fresh(EncryptedMessage message, int index) {
    try {
      return message.method(index);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // it parsed a moment ago; treated as corrupt data
    }
  }

  private static DecryptionException integrityFailed(String label, Throwable cause) {
    return new DecryptionException(
        Reason.INTEGRITY_FAILED,
        label + ": integrity check failed (modified or corrupt data); no plaintext released",
        cause);
  }

  private static boolean tooLarge(Throwable e) {
    return hasCause(e, StreamOverflowException.class)
        || hasCause(e, PlaintextReader.TooLarge.class);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
