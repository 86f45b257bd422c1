package envshift.pgp;

import envshift.pgp.DecryptionException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.bcpg.AEADAlgorithmTags;
import org.bouncycastle.bcpg.AEADEncDataPacket;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.bcpg.BCPGInputStream;
import org.bouncycastle.bcpg.InputStreamPacket;
import org.bouncycastle.bcpg.PacketTags;
import org.bouncycastle.bcpg.SymmetricEncIntegrityPacket;
import org.bouncycastle.bcpg.SymmetricKeyEncSessionPacket;
import org.bouncycastle.bcpg.UnsupportedPacketVersionException;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPadding;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * An encrypted message checked for shape before any key is tried: de-armored, every outer packet
 * present in full (so truncation is reported as such), and its session-key packets listed. Bouncy
 * Castle's encrypted-data objects are single-use streams, so each decryption attempt gets a fresh
 * parse of the binary through {@link #method(int)}.
 */
final class EncryptedMessage {
  private static final String ARMOR_END = "-----END PGP MESSAGE-----";

  /** Session-key packets (PKESK and SKESK) in one message. */
  static final int MAX_METHODS = 1000;

  /** PKESKs with key id 0 ({@code gpg --hidden-recipient}, {@code -R}). */
  static final int MAX_HIDDEN_RECIPIENTS = 32;
  private static final Pattern INVALID = Pattern.compile("(?i)invalid\\s+(.+?):\\s*(\\d+)");
  private static final Set<Integer> SESSION_AND_FILLER =
      Set.of(
          PacketTags.PUBLIC_KEY_ENC_SESSION,
          PacketTags.SYMMETRIC_KEY_ENC_SESSION,
          PacketTags.MARKER,
          PacketTags.PADDING);

  private final byte[] binary;
  private final boolean armored;
  private final PGPEncryptedDataList list;
  private final List<SymmetricKeyEncSessionPacket> passphraseMethods;

  private EncryptedMessage(
      byte[] binary,
      boolean armored,
      PGPEncryptedDataList list,
      List<SymmetricKeyEncSessionPacket> passphraseMethods) {
    this.binary = binary;
    this.armored = armored;
    this.list = list;
    this.passphraseMethods = List.copyOf(passphraseMethods);
  }

  static EncryptedMessage parse(byte[] message, String label) {
    if (!OpenPgp.looksLikeOpenPgp(message)) {
      throw new DecryptionException(
          Reason.NOT_OPENPGP, label + ": not an OpenPGP encrypted message");
    }
    byte[] binary;
    boolean armored;
    try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(fromArmor(message)))) {
      armored = in instanceof ArmoredInputStream;
      binary = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      throw malformed(label, e);
    }
    if (!Packets.complete(binary)) {
      throw malformed(label, null);
    }
    PGPEncryptedDataList list;
    List<SymmetricKeyEncSessionPacket> passphraseMethods;
    try {
      list = readList(binary);
      passphraseMethods = readPassphraseMethods(binary);
    } catch (UnsupportedPacketVersionException e) {
      throw unsupported(label, e);
    } catch (IOException | RuntimeException e) {
      throw malformed(label, e);
    }
    if (list == null || list.isEmpty()) {
      throw new DecryptionException(
          Reason.NOT_OPENPGP, label + ": OpenPGP data, but not an encrypted message");
    }
    checkWork(list, label);
    return new EncryptedMessage(binary, armored, list, passphraseMethods);
  }

  /**
   * Every session-key packet costs a parse of the message to try, and a hidden recipient costs a
   * private-key operation per loaded key; gpg writes one packet per recipient, so these bounds
   * are far above any team's while keeping a hostile message from running for minutes.
   */
  private static void checkWork(PGPEncryptedDataList list, String label) {
    int hidden = 0;
    for (PGPEncryptedData data : list) {
      if (data instanceof PGPPublicKeyEncryptedData pk && pk.getKeyID() == 0L) {
        hidden++;
      }
    }
    if (list.size() > MAX_METHODS) {
      throw new DecryptionException(
          Reason.COST_EXCEEDED,
          label + ": " + list.size() + " session-key packets; at most " + MAX_METHODS);
    } else if (hidden > MAX_HIDDEN_RECIPIENTS) {
      throw new DecryptionException(
          Reason.COST_EXCEEDED,
          label
              + ": "
              + hidden
              + " hidden-recipient session-key packets, each tried with every loaded key;"
              + " at most "
              + MAX_HIDDEN_RECIPIENTS);
    }
  }

  /**
   * The SKESK packets as parsed, S2K parameters included, so their cost can be checked before a
   * key is derived; Bouncy Castle's encrypted-data objects do not expose them.
   */
  private static List<SymmetricKeyEncSessionPacket> readPassphraseMethods(byte[] binary)
      throws IOException {
    List<SymmetricKeyEncSessionPacket> methods = new ArrayList<>();
    BCPGInputStream in = new BCPGInputStream(new ByteArrayInputStream(binary));
    for (int tag = in.nextPacketTag(); SESSION_AND_FILLER.contains(tag); tag = in.nextPacketTag()) {
      if (in.readPacket() instanceof SymmetricKeyEncSessionPacket skesk) {
        methods.add(skesk);
      }
    }
    return methods;
  }

  /** SKESKs with their S2K parameters, in message order. */
  List<SymmetricKeyEncSessionPacket> passphraseMethods() {
    return passphraseMethods;
  }

  boolean armored() {
    return armored;
  }

  /** The key ids of the public-key session packets, in message order; 0 for hidden recipients. */
  List<KeyId> recipients() {
    List<KeyId> ids = new ArrayList<>();
    for (PGPEncryptedData data : list) {
      if (data instanceof PGPPublicKeyEncryptedData pk) {
        ids.add(new KeyId(pk.getKeyID()));
      }
    }
    return ids;
  }

  /** The key id named by the i-th method, or empty when that method is a passphrase (SKESK). */
  Optional<KeyId> recipientAt(int index) {
    return list.get(index) instanceof PGPPublicKeyEncryptedData pk
        ? Optional.of(new KeyId(pk.getKeyID()))
        : Optional.empty();
  }

  boolean isPassphraseMethod(int index) {
    return list.get(index) instanceof PGPPBEEncryptedData;
  }

  int methodCount() {
    return list.size();
  }

  boolean symmetric() {
    for (PGPEncryptedData data : list) {
      if (data instanceof PGPPBEEncryptedData) {
        return true;
      }
    }
    return false;
  }

  /** SEIPD (with MDC) or an AEAD packet; false for legacy SED, which has no integrity check. */
  boolean integrityProtected() {
    InputStreamPacket data = list.getEncryptedData();
    return data instanceof SymmetricEncIntegrityPacket || data instanceof AEADEncDataPacket;
  }

  /**
   * A fresh, unread copy of the i-th session-key method, bound to a fresh encrypted-data stream.
   */
  PGPEncryptedData method(int index) throws IOException {
    return readList(binary).get(index);
  }

  /** {@code SEIPDv1 AES-256}, {@code OCB AES-256}, ... for the cipher the session key uses. */
  String methodName(int cipher) {
    InputStreamPacket data = list.getEncryptedData();
    if (data instanceof AEADEncDataPacket aead) {
      return aeadName(aead.getAEADAlgorithm()) + " " + Keys.cipherName(cipher);
    } else if (data instanceof SymmetricEncIntegrityPacket seipd && seipd.getVersion() == 2) {
      return "SEIPDv2 " + aeadName(seipd.getAeadAlgorithm()) + " " + Keys.cipherName(cipher);
    } else if (!integrityProtected()) {
      return "SED (no MDC) " + Keys.cipherName(cipher);
    }
    return "SEIPDv1 " + Keys.cipherName(cipher);
  }

  private static String aeadName(int algorithm) {
    return switch (algorithm) {
      case AEADAlgorithmTags.OCB -> "OCB";
      case AEADAlgorithmTags.EAX -> "EAX";
      case AEADAlgorithmTags.GCM -> "GCM";
      default -> "AEAD " + algorithm;
    };
  }

  /**
   * Skips anything before the armor header line (blank lines, a BOM, a mail or note pasted above
   * it), as {@code gpg} does; the decoder would choke on it. What follows the END line is ignored
   * by the decoder itself.
   */
  private static byte[] fromArmor(byte[] message) {
    if ((message[0] & 0x80) != 0 && !OpenPgp.hasBom(message)) {
      return message;
    }
    int at = OpenPgp.armorHeaderAt(message);
    if (at < 0) {
      return message;
    }
    // Bouncy Castle reads on past the END line looking for another block, and fails on a
    // signature or a reply below it; gpg ignores it.
    String text = new String(message, StandardCharsets.ISO_8859_1);
    int end = text.indexOf(ARMOR_END, at);
    int to = end < 0 ? message.length : lineEnd(text, end + ARMOR_END.length());
    return at == 0 && to == message.length ? message : Arrays.copyOfRange(message, at, to);
  }

  private static int lineEnd(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline + 1;
  }

  private static PGPEncryptedDataList readList(byte[] binary) throws IOException {
    BcPGPObjectFactory factory = new BcPGPObjectFactory(binary);
    for (Object object = factory.nextObject(); object != null; object = factory.nextObject()) {
      if (object instanceof PGPEncryptedDataList list) {
        return list;
      } else if (!(object instanceof PGPMarker) && !(object instanceof PGPPadding)) {
        return null;
      }
    }
    return null;
  }

  static DecryptionException unsupported(String label, UnsupportedPacketVersionException e) {
    return new DecryptionException(
        Reason.UNSUPPORTED, label + ": unsupported " + unsupportedWhat(e), e);
  }

  /**
   * What Bouncy Castle's text for a well-formed packet it cannot handle names: a packet and a
   * version or type number, never message data ("... packet version encountered: 7" becomes
   * "... packet version 7", "Invalid S2K type: 9" becomes "S2K type 9").
   */
  static String unsupportedWhat(UnsupportedPacketVersionException e) {
    String text = String.valueOf(e.getMessage()).strip();
    Matcher invalid = INVALID.matcher(text);
    if (invalid.matches()) {
      return invalid.group(1) + " " + invalid.group(2);
    }
    return text.replaceFirst("(?i)^unsupported\\s+", "")
        .replaceFirst("(?i)\\s+encountered:?\\s*(\\d+)$", " $1");
  }

  static DecryptionException malformed(String label, Throwable cause) {
    return new DecryptionException(
        Reason.MALFORMED, label + ": truncated or malformed OpenPGP data", cause);
  }
}
