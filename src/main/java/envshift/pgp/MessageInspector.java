package envshift.pgp;

import java.util.List;

/** Reads who a message is encrypted to, without any secret key (for access reports). */
public final class MessageInspector {
  private MessageInspector() {}

  /**
   * Lists the message's recipients, named from {@code namesFrom}'s certificates where known. Fails
   * with {@link DecryptionException} (NOT_OPENPGP or MALFORMED) like {@link Decryptor} does.
   */
  public static MessageInfo inspect(byte[] message, String label, KeyRing namesFrom) {
    EncryptedMessage parsed = EncryptedMessage.parse(message, label);
    List<Recipient> recipients =
        parsed.recipients().stream()
            .map(
                id ->
                    namesFrom
                        .certificateOf(id)
                        .filter(c -> !id.isWildcard())
                        .map(
                            c ->
                                new Recipient(
                                    id, Keys.fingerprint(c.getPublicKey()), Keys.userIds(c)))
                        .orElse(new Recipient(id, "", List.of())))
            .toList();
    return new MessageInfo(recipients, parsed.symmetric(), parsed.armored());
  }
}
